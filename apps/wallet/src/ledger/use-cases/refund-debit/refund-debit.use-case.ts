import { Injectable } from '@nestjs/common';
import type { TransferView } from '@airtime/contracts';
import { alreadyRefunded, debitNotFound, refundExceedsDebit } from '../../ledger.exceptions.js';
import { LedgerStore } from '../../ledger-store.js';
import { requestHash } from '../../request-hash.js';
import { RefundDebitCommand } from './refund-debit.command.js';

/**
 * Gives a debit back to the wallet it came from, from the orders clearing account: never more than
 * was taken, and once per debit whatever the key (the database allows one refund per debit).
 */
@Injectable()
export class RefundDebitUseCase {
  constructor(private readonly store: LedgerStore) {}

  async execute({ request }: RefundDebitCommand): Promise<TransferView> {
    const hash = requestHash(request);
    const debit = await this.store.debitByKey(request.debit_key, request.account_id);
    if (!debit) throw debitNotFound();
    const amount = request.amount_minor === undefined ? BigInt(debit.amount) : BigInt(request.amount_minor);
    if (amount > BigInt(debit.amount)) throw refundExceedsDebit();
    const clearing = await this.store.platformAccount('clearing', 'orders', debit.currency, debit.mode);
    const refund = await this.store.creditOnce({
      key: request.idempotency_key, hash, kind: 'refund', owner: debit.owner_account_id, mode: debit.mode,
      currency: debit.currency, amount, orderId: debit.order_id ?? undefined, refundOf: debit.id, reason: request.reason,
      description: request.reason,
    }, clearing);
    // The key is new but the debit already has a refund under another key.
    if (!refund) throw alreadyRefunded();
    return refund;
  }
}
