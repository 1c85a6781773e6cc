import type { ApiKeyMode } from '@airtime/contracts';
import { counter } from '@airtime/platform';

/**
 * Money moved by the ledger, counted after its transaction committed and never for a replay (a repeated
 * idempotency key answers the first transfer and moves nothing). Amounts are in minor units.
 */
const debits = counter('wallet_debits_total', 'Wallet debits committed (orders paid), by currency and mode', ['currency', 'mode']);
const debited = counter('wallet_debited_minor_total', 'Amount debited from wallets, in minor units, by currency and mode', ['currency', 'mode']);
const refunds = counter('wallet_refunds_total', 'Refunds of debits committed (orders that failed), by currency and mode', ['currency', 'mode']);
const refunded = counter('wallet_refunded_minor_total', 'Amount refunded to wallets, in minor units, by currency and mode', ['currency', 'mode']);

export function countDebit(currency: string, mode: ApiKeyMode, amount: bigint): void {
  debits.labels(currency, mode).inc();
  debited.labels(currency, mode).inc(Number(amount));
}

export function countRefund(currency: string, mode: ApiKeyMode, amount: bigint): void {
  refunds.labels(currency, mode).inc();
  refunded.labels(currency, mode).inc(Number(amount));
}
