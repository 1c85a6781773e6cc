import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { IdentityConfig } from './config/identity.config.js';

const config = loadConfig(IdentityConfig);
await bootstrapService(AppModule.register(config), 'identity', config);
