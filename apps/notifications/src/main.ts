import 'reflect-metadata';
import { bootstrapService, DatabaseServiceConfig, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';

const config = loadConfig(DatabaseServiceConfig);
await bootstrapService(AppModule.register(config), 'notifications', config);
