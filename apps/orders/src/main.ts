import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { OrdersConfig } from './config/orders.config.js';

const config = loadConfig(OrdersConfig);
await bootstrapService(AppModule.register(config), 'orders', config);
