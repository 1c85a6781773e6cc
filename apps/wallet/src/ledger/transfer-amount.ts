import { isSupportedCurrency } from '@airtime/money';
import type { WalletConfig } from '../config/wallet.config.js';
import { amountTooLarge, unsupportedCurrency } from './ledger.exceptions.js';

/** An amount a wallet may move: in a currency wallets hold, and no larger than one transfer may be. */
export function transferAmount(config: WalletConfig, currency: string, amountMinor: string): bigint {
  if (!config.currencies().has(currency) || !isSupportedCurrency(currency)) throw unsupportedCurrency(currency);
  const amount = BigInt(amountMinor);
  if (amount > config.maxTransferMinor()) throw amountTooLarge(config.maxTransferMinor());
  return amount;
}
