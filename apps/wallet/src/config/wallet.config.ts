import { Matches } from 'class-validator';
import { DatabaseServiceConfig } from '@airtime/platform';

export class WalletConfig extends DatabaseServiceConfig {
  /** The currencies wallets may hold; each must be known to @airtime/money. */
  @Matches(/^[A-Z]{3}(,[A-Z]{3})*$/, { message: 'WALLET_CURRENCIES must be comma-separated ISO codes, e.g. USD,ZWG' })
  WALLET_CURRENCIES = 'USD,ZWG,KES,NGN,SDG';

  /** The largest single transfer in minor units; anything bigger is a mistake, not a payment. */
  @Matches(/^[1-9]\d{0,17}$/, { message: 'WALLET_MAX_TRANSFER_MINOR must be a positive whole number' })
  WALLET_MAX_TRANSFER_MINOR = '100000000000';

  currencies(): Set<string> {
    return new Set(this.WALLET_CURRENCIES.split(','));
  }

  maxTransferMinor(): bigint {
    return BigInt(this.WALLET_MAX_TRANSFER_MINOR);
  }
}
