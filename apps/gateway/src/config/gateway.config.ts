import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { RequiredOutside, ServiceConfig } from '@airtime/platform';

export class GatewayConfig extends ServiceConfig {
  @IsInt() @Min(0) @Max(65_535)
  PORT: number = 3000;

  /** The gateway stores nothing; it connects only to report PostgreSQL in GET /health. */
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  /** Verifies the JWTs identity signs; only development may omit it. */
  @RequiredOutside('development')
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Matches(/^\d+(b|kb|mb)$/, { message: 'BODY_LIMIT must look like 100kb' })
  BODY_LIMIT = '100kb';

  @IsInt() @Min(100) @Max(120_000)
  RPC_TIMEOUT_MS: number = 5000;

  @IsInt() @Min(100) @Max(30_000)
  HEALTH_TIMEOUT_MS: number = 1500;

  /** Recharges per account and mode per minute, on every path that creates orders, shared by all gateway replicas (Redis); 0 turns it off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_RECHARGES_PER_MINUTE: number = 1200;

  /** Every other authenticated call per account per minute (each top-level GraphQL field counts); 0 turns it off. */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_API_PER_MINUTE: number = 6000;

  /** Unauthenticated calls per client address per minute (upstream callbacks excepted); 0 turns it off. */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: number = 600;

  /** Upstream callbacks per client address per minute (each may cost a status query to the upstream); 0 turns it off. */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_CALLBACKS_PER_MINUTE: number = 6000;

  /** Signed campaign payout requests per campaign and client address per minute (a survey tool posts in bursts); 0 turns it off. */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_CAMPAIGN_PAYOUTS_PER_MINUTE: number = 600;

  /** Deepest field nesting a GraphQL document may ask for (viewer → account → orders → edges → node → product → name is 7). */
  @IsInt() @Min(2) @Max(50)
  GRAPHQL_MAX_DEPTH: number = 10;

  /** Aliases per GraphQL document: each alias of a mutation is another execution of it. */
  @IsInt() @Min(0) @Max(1000)
  GRAPHQL_MAX_ALIASES: number = 15;

  /**
   * graphql-armor's static cost of a document (objects 2, scalars 1, ×1.5 per level, × a literal
   * first/last): a coarse backstop, checked with the document's validation. GRAPHQL_MAX_COMPLEXITY is
   * the limit that counts pages as they will be served (variables and default sizes included).
   */
  @IsInt() @Min(10) @Max(10_000_000)
  GRAPHQL_MAX_COST: number = 100_000;

  /** A document's complexity counted with the page sizes it asks for: each connection costs its items times what one item asks. */
  @IsInt() @Min(100) @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY: number = 5000;

  /** Tokens (names, punctuation, literals) one GraphQL document may hold, counted while it is parsed. */
  @IsInt() @Min(100) @Max(1_000_000)
  GRAPHQL_MAX_TOKENS: number = 1000;

  /**
   * Automatic persisted queries: how long a registered document is kept, and the most memory (MiB of
   * document text) all of them may hold in one gateway process, the least recently used dropped first.
   */
  @IsInt() @Min(60) @Max(30 * 86_400)
  GRAPHQL_APQ_TTL_SECONDS: number = 86_400;

  @IsInt() @Min(1) @Max(1024)
  GRAPHQL_APQ_CACHE_MB: number = 16;

  /** Shared counters for rate limits across gateway replicas. */
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:port' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Isolates one deployment's (or test run's) counters on a shared Redis; defaults to NATS_SUBJECT_PREFIX. */
  @IsOptional() @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits and . _ : -' })
  REDIS_KEY_PREFIX?: string;

  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (express `trust proxy`): a
   * number of hops, or comma-separated addresses/CIDRs (or loopback, linklocal, uniquelocal). Unset,
   * the peer of the socket is the client: a header anyone can write is never trusted by default.
   */
  @IsOptional() @Matches(/^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?))*)$/, {
    message: 'TRUST_PROXY must be a hop count or comma-separated proxy addresses/CIDRs (loopback, linklocal, uniquelocal allowed)',
  })
  TRUST_PROXY?: string;

  /** PIN logins (REST and GraphQL) per client address per hour; 0 turns it off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_PIN_LOGINS_PER_ADDRESS_PER_HOUR: number = 60;

  /** PIN checks per second across the platform (each costs an argon2id verification); 0 turns it off. */
  @IsInt() @Min(0) @Max(100_000)
  RATE_LIMIT_PIN_CHECKS_PER_SECOND: number = 20;

  /** Onboardings and PIN resets (each sends an SMS) per client address per hour; 0 turns it off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_PIN_SMS_PER_ADDRESS_PER_HOUR: number = 10;

  /** Onboardings and PIN resets per phone per hour; 0 turns it off. */
  @IsInt() @Min(0) @Max(1_000)
  RATE_LIMIT_PIN_SMS_PER_PHONE_PER_HOUR: number = 3;

  /** Onboarding and PIN reset answer no sooner than this, found or not, so timing does not tell registered phones. */
  @IsInt() @Min(0) @Max(10_000)
  PIN_SMS_MIN_RESPONSE_MS: number = 800;

  trustProxy(): number | string | false {
    if (this.TRUST_PROXY === undefined || this.TRUST_PROXY === '') return false;
    return /^\d+$/.test(this.TRUST_PROXY) ? Number(this.TRUST_PROXY) : this.TRUST_PROXY.split(',').map((p) => p.trim()).join(',');
  }

  /** How often an open GraphQL subscription's API key or session is verified again (closed with 4403 once refused). */
  @IsInt() @Min(1) @Max(3600)
  SUBSCRIPTION_RECHECK_SECONDS: number = 30;

  /** How long a stream's consumer stays open after its last GraphQL subscriber left, for one who comes back (a reloaded dashboard). */
  @IsInt() @Min(0) @Max(600_000)
  SUBSCRIPTION_FEED_LINGER_MS: number = 5000;

  /**
   * How long a gateway trusts an API key identity verified before asking again. Revocations are
   * broadcast and evict at once on every connected gateway; this is the bound when a broadcast is
   * lost. 0 asks identity on every request.
   */
  @IsInt() @Min(0) @Max(300)
  API_KEY_CACHE_SECONDS: number = 30;

  /** Verified API keys one gateway remembers at most (the least recently used dropped first). */
  @IsInt() @Min(1) @Max(1_000_000)
  API_KEY_CACHE_MAX_KEYS: number = 10_000;

  /**
   * How long a gateway trusts identity's word that a (non-operator) session stands. A PIN change is
   * broadcast and ends earlier sessions at once on every connected gateway; this is the bound when a
   * broadcast is lost. 0 asks identity on every request. Operator tokens are always asked about.
   */
  @IsInt() @Min(0) @Max(300)
  SESSION_CACHE_SECONDS: number = 30;

  /** Sessions one gateway remembers at most (the least recently used dropped first). */
  @IsInt() @Min(1) @Max(1_000_000)
  SESSION_CACHE_MAX_SESSIONS: number = 10_000;

  redisKeyPrefix(): string {
    return this.REDIS_KEY_PREFIX ?? this.NATS_SUBJECT_PREFIX ?? '';
  }

  jwtSecret(): string {
    return this.JWT_SECRET ?? 'development-only-jwt-secret-change-me-000000';
  }
}
