import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { ProviderAdaptersConfig } from './config/provider-adapters.config.js';

const config = loadConfig(ProviderAdaptersConfig);
await bootstrapService(AppModule.register(config), 'provider-adapters', config);
