import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { WalletConfig } from './config/wallet.config.js';

const config = loadConfig(WalletConfig);
await bootstrapService(AppModule.register(config), 'wallet', config);
