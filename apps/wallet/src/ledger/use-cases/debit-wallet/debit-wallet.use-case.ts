import { Injectable } from '@nestjs/common';
import type { TransferView } from '@airtime/contracts';
import { WalletConfig } from '../../../config/wallet.config.js';
import { countDebit } from '../../ledger-metrics.js';
import { LedgerStore } from '../../ledger-store.js';
import { requestHash } from '../../request-hash.js';
import { transferAmount } from '../../transfer-amount.js';
import { DebitWalletCommand } from './debit-wallet.command.js';

/**
 * Takes money from a wallet into the orders clearing account, once per key: a repeated request
 * answers the original transfer. The wallet never goes below zero (INSUFFICIENT_FUNDS); a wallet the
 * tenant has never funded is WALLET_NOT_FOUND.
 */
@Injectable()
export class DebitWalletUseCase {
  constructor(
    private readonly store: LedgerStore,
    private readonly config: WalletConfig,
  ) {}

  async execute({ request }: DebitWalletCommand): Promise<TransferView> {
    const amount = transferAmount(this.config, request.currency, request.amount_minor);
    const hash = requestHash(request);
    const clearing = await this.store.platformAccount('clearing', 'orders', request.currency, request.mode);
    const result = await this.store.debit({
      key: request.idempotency_key, hash, owner: request.account_id, mode: request.mode, currency: request.currency, amount,
      orderId: request.order_id ?? null, description: request.description ?? null, clearingAccountId: clearing,
    });
    if (result.outcome === 'debited') {
      countDebit(request.currency, request.mode, amount);
      return {
        id: result.transfer_id,
        idempotency_key: request.idempotency_key,
        kind: 'debit',
        account_id: request.account_id,
        mode: request.mode,
        currency: request.currency,
        amount_minor: amount.toString(),
        balance_after_minor: String(result.balance_after),
        order_id: request.order_id ?? null,
        refund_of: null,
        reason: null,
        actor: null,
        created_at: new Date(result.created_at).toISOString(),
      };
    }
    const replayed = await this.store.replay(request.idempotency_key, hash);
    if (!replayed) throw new Error(`debit ${request.idempotency_key} was a replay but cannot be read back`);
    return replayed;
  }
}
