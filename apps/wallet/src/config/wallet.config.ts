import { IsInt, IsUrl, Matches, Max, Min } from 'class-validator';
import { DatabaseServiceConfig, RequiredOutside } from '@airtime/platform';

export class WalletConfig extends DatabaseServiceConfig {
  /** The currencies wallets may hold; each must be known to @airtime/money. */
  @Matches(/^[A-Z]{3}(,[A-Z]{3})*$/, { message: 'WALLET_CURRENCIES must be comma-separated ISO codes, e.g. USD,ZWG' })
  WALLET_CURRENCIES = 'USD,ZWG,KES,NGN,SDG';

  /** The largest single transfer in minor units; anything bigger is a mistake, not a payment. */
  @Matches(/^[1-9]\d{0,17}$/, { message: 'WALLET_MAX_TRANSFER_MINOR must be a positive whole number' })
  WALLET_MAX_TRANSFER_MINOR = '100000000000';

  /** Where Pesepay sends its result callbacks and the payer's browser: the gateway, as the world sees it. */
  @RequiredOutside('development', 'test') @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /** How long a top-up waits for its payment before it is closed as expired. */
  @IsInt() @Min(1) @Max(604_800)
  TOPUP_TTL_SECONDS: number = 1800;

  /** How often expired top-ups are swept (0: never, for tests that sweep by hand). */
  @IsInt() @Min(0) @Max(86_400)
  TOPUP_SWEEP_SECONDS: number = 60;

  @IsInt() @Min(100) @Max(60_000)
  TOPUP_INITIATE_TIMEOUT_MS: number = 15_000;

  currencies(): Set<string> {
    return new Set(this.WALLET_CURRENCIES.split(','));
  }

  maxTransferMinor(): bigint {
    return BigInt(this.WALLET_MAX_TRANSFER_MINOR);
  }
}
