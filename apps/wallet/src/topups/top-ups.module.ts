import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { TopUpExpiryJob } from './top-up-expiry.job.js';
import { TopUpStore } from './top-up-store.js';
import { TopUpsController } from './top-ups.controller.js';
import { ApplyTopUpCallbackUseCase } from './use-cases/apply-top-up-callback/apply-top-up-callback.use-case.js';
import { CreateTopUpUseCase } from './use-cases/create-top-up/create-top-up.use-case.js';
import { ExpireTopUpsUseCase } from './use-cases/expire-top-ups/expire-top-ups.use-case.js';
import { GetTopUpUseCase } from './use-cases/get-top-up/get-top-up.use-case.js';
import { ListTopUpsUseCase } from './use-cases/list-top-ups/list-top-ups.use-case.js';
import { SettleTopUpUseCase } from './use-cases/settle-top-up/settle-top-up.use-case.js';

@Module({
  imports: [LedgerModule],
  controllers: [TopUpsController],
  providers: [CreateTopUpUseCase, GetTopUpUseCase, ListTopUpsUseCase, ApplyTopUpCallbackUseCase, SettleTopUpUseCase, ExpireTopUpsUseCase, TopUpStore, TopUpExpiryJob],
})
export class TopUpsModule {}
