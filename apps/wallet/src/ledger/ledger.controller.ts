import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreditWalletRequest,
  DebitWalletRequest,
  ExportStatementRequest,
  GetLedgerEntriesRequest,
  GetOrdersLedgerEntriesRequest,
  GetWalletsRequest,
  type LedgerEntryView,
  type LedgerPageView,
  ListLedgerRequest,
  RefundDebitRequest,
  type StatementView,
  Rpc,
  type TransferView,
  type WalletView,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { CreditWalletCommand } from './use-cases/credit-wallet/credit-wallet.command.js';
import { CreditWalletUseCase } from './use-cases/credit-wallet/credit-wallet.use-case.js';
import { DebitWalletCommand } from './use-cases/debit-wallet/debit-wallet.command.js';
import { DebitWalletUseCase } from './use-cases/debit-wallet/debit-wallet.use-case.js';
import { GetLedgerEntriesCommand } from './use-cases/get-ledger-entries/get-ledger-entries.command.js';
import { GetLedgerEntriesUseCase } from './use-cases/get-ledger-entries/get-ledger-entries.use-case.js';
import { RefundDebitCommand } from './use-cases/refund-debit/refund-debit.command.js';
import { RefundDebitUseCase } from './use-cases/refund-debit/refund-debit.use-case.js';

@Controller()
export class LedgerController {
  constructor(
    private readonly debitWallet: DebitWalletUseCase,
    private readonly refundDebit: RefundDebitUseCase,
    private readonly creditWallet: CreditWalletUseCase,
    private readonly getLedgerEntries: GetLedgerEntriesUseCase,
    private readonly queries: LedgerQueriesService,
  ) {}

  @RpcHandler(Rpc.wallet.debit)
  debit(@Payload() request: DebitWalletRequest): Promise<TransferView> {
    return this.debitWallet.execute(new DebitWalletCommand({ request }));
  }

  @RpcHandler(Rpc.wallet.refund)
  refund(@Payload() request: RefundDebitRequest): Promise<TransferView> {
    return this.refundDebit.execute(new RefundDebitCommand({ request }));
  }

  @RpcHandler(Rpc.wallet.credit)
  credit(@Payload() request: CreditWalletRequest): Promise<TransferView> {
    return this.creditWallet.execute(new CreditWalletCommand({ request }));
  }

  @RpcHandler(Rpc.wallet.wallets)
  wallets(@Payload() request: GetWalletsRequest): Promise<WalletView[]> {
    return this.queries.wallets(request);
  }

  @RpcHandler(Rpc.wallet.ledger)
  entries(@Payload() request: ListLedgerRequest): Promise<LedgerPageView> {
    return this.queries.ledger(request);
  }

  @RpcHandler(Rpc.wallet.getLedgerEntries)
  entriesById(@Payload() request: GetLedgerEntriesRequest): Promise<LedgerEntryView[]> {
    return this.getLedgerEntries.execute(new GetLedgerEntriesCommand({ accountId: request.account_id, mode: request.mode, ids: request.ids }));
  }

  @RpcHandler(Rpc.wallet.ordersLedgerEntries)
  entriesOfOrders(@Payload() request: GetOrdersLedgerEntriesRequest): Promise<LedgerEntryView[]> {
    return this.queries.entriesOfOrders(request.account_id, request.mode, request.order_ids);
  }

  @RpcHandler(Rpc.wallet.statement)
  statement(@Payload() request: ExportStatementRequest): Promise<StatementView> {
    return this.queries.statement(request);
  }
}
