import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller.js';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { LedgerStore } from './ledger-store.js';
import { CreditWalletUseCase } from './use-cases/credit-wallet/credit-wallet.use-case.js';
import { DebitWalletUseCase } from './use-cases/debit-wallet/debit-wallet.use-case.js';
import { GetLedgerEntriesUseCase } from './use-cases/get-ledger-entries/get-ledger-entries.use-case.js';
import { RefundDebitUseCase } from './use-cases/refund-debit/refund-debit.use-case.js';

@Module({
  controllers: [LedgerController],
  providers: [DebitWalletUseCase, RefundDebitUseCase, CreditWalletUseCase, GetLedgerEntriesUseCase, LedgerStore, LedgerQueriesService],
  exports: [CreditWalletUseCase],
})
export class LedgerModule {}
