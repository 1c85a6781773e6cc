import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { NotificationsConfig } from './config/notifications.config.js';

const config = loadConfig(NotificationsConfig);
await bootstrapService(AppModule.register(config), 'notifications', config);
