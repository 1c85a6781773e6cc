import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { ProviderSimConfig } from './config/provider-sim.config.js';

const config = loadConfig(ProviderSimConfig);
const app = await NestFactory.create(AppModule.register(config), { logger: new JsonLogger('provider-sim', config.LOG_LEVEL) });
app.enableShutdownHooks();
await app.listen(config.PORT);
new JsonLogger('provider-sim', config.LOG_LEVEL).log(`provider-sim listening on http://localhost:${config.PORT}`, 'Bootstrap');
