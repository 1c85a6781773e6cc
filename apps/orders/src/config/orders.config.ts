import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { DatabaseServiceConfig, RequiredOutside } from '@airtime/platform';

export class OrdersConfig extends DatabaseServiceConfig {
  /** Seals campaign signing secrets at rest (they must stay usable to verify an HMAC, so cannot be hashed). */
  @RequiredOutside('development')
  @IsString() @MinLength(32, { message: 'CAMPAIGN_SECRET_KEY must be at least 32 characters' })
  CAMPAIGN_SECRET_KEY: string;

  /** How far a payout request's timestamp may be from our clock before it is refused as a replay. */
  @IsInt() @Min(10) @Max(3600)
  CAMPAIGN_TIMESTAMP_SKEW_SECONDS: number = 300;

  /** How long POST /api/v1/orders waits for the outcome before answering `pending`. */
  @IsInt() @Min(0) @Max(120_000)
  ORDER_WAIT_MS: number = 20_000;

  /** How long orders waits for provider-adapters to answer a dispatch before calling it unknown. */
  @IsInt() @Min(100) @Max(300_000)
  DISPATCH_TIMEOUT_MS: number = 45_000;

  @IsInt() @Min(100) @Max(60_000)
  WALLET_TIMEOUT_MS: number = 10_000;

  /** How often the reconciler runs (001: every 2 minutes). 0 turns it off (tests run it by hand). */
  @IsInt() @Min(0) @Max(86_400)
  RECONCILE_INTERVAL_SECONDS: number = 120;

  /** An order in flight longer than this is considered stuck and reconciled. */
  @IsInt() @Min(1) @Max(86_400)
  RECONCILE_GRACE_SECONDS: number = 60;

  /** An unknown order still unresolved after this long is flagged for an operator (never refunded blindly). */
  @IsInt() @Min(1) @Max(2_592_000)
  RECONCILE_ATTENTION_AFTER_SECONDS: number = 86_400;

  /**
   * How long an orders process trusts its copy of a product before reading it again; a change made
   * through another replica (a withdrawal, new limits) reaches this one within this bound. 0 reads
   * the catalogue for every order.
   */
  @IsInt() @Min(0) @Max(60_000)
  CATALOGUE_CACHE_MS: number = 5000;

  /** How often the outbox of order events is flushed to JetStream when nothing nudges it. */
  @IsInt() @Min(50) @Max(60_000)
  EVENTS_FLUSH_MS: number = 1000;

  /** How many rows of bulk batches one orders process makes into orders at once. */
  @IsInt() @Min(1) @Max(100)
  BULK_CONCURRENCY: number = 8;

  /** How often each orders process looks for bulk rows to run (after a restart, or another's lapsed lease). 0 turns it off (tests tick it by hand). */
  @IsInt() @Min(0) @Max(600_000)
  BULK_RUN_INTERVAL_MS: number = 2000;

  /**
   * How long a claimed bulk row is held before another process may take it over; 0 derives it from
   * the wait and timeouts (longer than making one order can take). A shorter one only risks a row
   * being tried twice, which its agent_reference makes harmless.
   */
  @IsInt() @Min(0) @Max(3600)
  BULK_LEASE_SECONDS: number = 0;

  campaignSecretKey(): string {
    return this.CAMPAIGN_SECRET_KEY ?? 'development-only-campaign-secret-key-00000000';
  }
}
