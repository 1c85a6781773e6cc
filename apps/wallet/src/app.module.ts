import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, serviceDatabaseModule } from '@airtime/platform';
import { WalletConfig } from './config/wallet.config.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { CreateLedger1764000000001 } from './migrations/1764000000001-create-ledger.js';

@Module({})
export class AppModule {
  static register(config: WalletConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(WalletConfig, config),
        serviceDatabaseModule('wallet', config, { entities: [], migrations: [CreateLedger1764000000001] }),
        LedgerModule,
      ],
      controllers: [createHealthController('wallet')],
    };
  }
}
