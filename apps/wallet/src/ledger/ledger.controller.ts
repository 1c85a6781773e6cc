import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreditWalletRequest,
  DebitWalletRequest,
  ExportStatementRequest,
  GetWalletsRequest,
  type LedgerPageView,
  ListLedgerRequest,
  RefundDebitRequest,
  type StatementView,
  Subjects,
  type TransferView,
  type WalletView,
} from '@airtime/contracts';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { LedgerService } from './ledger.service.js';

@Controller()
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly queries: LedgerQueriesService,
  ) {}

  @MessagePattern(Subjects.wallet.debit)
  debit(@Payload() request: DebitWalletRequest): Promise<TransferView> {
    return this.ledger.debit(request);
  }

  @MessagePattern(Subjects.wallet.refund)
  refund(@Payload() request: RefundDebitRequest): Promise<TransferView> {
    return this.ledger.refund(request);
  }

  @MessagePattern(Subjects.wallet.credit)
  credit(@Payload() request: CreditWalletRequest): Promise<TransferView> {
    return this.ledger.credit(request);
  }

  @MessagePattern(Subjects.wallet.wallets)
  wallets(@Payload() request: GetWalletsRequest): Promise<WalletView[]> {
    return this.queries.wallets(request);
  }

  @MessagePattern(Subjects.wallet.ledger)
  entries(@Payload() request: ListLedgerRequest): Promise<LedgerPageView> {
    return this.queries.ledger(request);
  }

  @MessagePattern(Subjects.wallet.statement)
  statement(@Payload() request: ExportStatementRequest): Promise<StatementView> {
    return this.queries.statement(request);
  }
}
