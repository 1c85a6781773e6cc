import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { configModule, createHealthController, rpcClientModule, serviceDatabaseModule } from '@airtime/platform';
import { WalletConfig } from './config/wallet.config.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { CreateLedger1764000000001 } from './migrations/1764000000001-create-ledger.js';
import { CreateTopUps1764000000002 } from './migrations/1764000000002-create-topups.js';
import { CreateLedgerDebitFunction1764000000003 } from './migrations/1764000000003-create-ledger-debit-function.js';
import { CreateWalletEvents1764000000004 } from './migrations/1764000000004-create-wallet-events.js';
import { NumberTopUps1764000000005 } from './migrations/1764000000005-number-top-ups.js';
import { CreateLedgerDebitManyFunction1764000000006 } from './migrations/1764000000006-create-ledger-debit-many-function.js';
import { WalletEventsModule } from './events/wallet-events.publisher.js';
import { TopUpsModule } from './topups/top-ups.module.js';

@Module({})
export class AppModule {
  static register(config: WalletConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(WalletConfig, config),
        serviceDatabaseModule('wallet', config, { entities: [], migrations: [CreateLedger1764000000001, CreateTopUps1764000000002, CreateLedgerDebitFunction1764000000003, CreateWalletEvents1764000000004, NumberTopUps1764000000005, CreateLedgerDebitManyFunction1764000000006] }),
        rpcClientModule({ natsUrl: config.NATS_URL, name: 'wallet' }),
        ScheduleModule.forRoot(),
        WalletEventsModule,
        LedgerModule,
        TopUpsModule,
      ],
      controllers: [createHealthController('wallet')],
    };
  }
}
