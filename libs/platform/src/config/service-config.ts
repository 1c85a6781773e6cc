import { IsIn, IsInt, IsIP, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Settings every NATS service needs; a service's own config class extends this one. */
export class ServiceConfig {
  /**
   * Production unless development is asked for (`npm start` asks): an unset NODE_ENV must never mean
   * public default secrets, open introspection or loopback webhook targets.
   */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @Matches(/^nats:\/\/\S+$/, { message: 'NATS_URL must look like nats://host:port (comma-separate several)' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Isolates one deployment's (or test run's) subjects from another's on a shared NATS. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.$/, { message: 'NATS_SUBJECT_PREFIX must be dot-separated tokens ending with a dot' })
  NATS_SUBJECT_PREFIX?: string;

  /**
   * Replicas of the JetStream streams this service publishes to (orders, wallet): 3 on a three-server
   * cluster. Unset, a new stream gets one and an existing one keeps what it has (so a replica count
   * set by hand is never lowered by a deploy).
   */
  @IsOptional() @IsInt() @Min(1) @Max(5)
  NATS_STREAM_REPLICAS?: number;

  /** On shutdown a service stops taking requests, then waits this long for in-flight ones to finish. */
  @IsInt() @Min(0) @Max(60_000)
  SHUTDOWN_GRACE_MS: number = 2000;

  @IsIn(['silent', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'silent' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /**
   * The process's internal HTTP port: /metrics (Prometheus), /livez and /readyz. Never the gateway's
   * public PORT: keep it unexposed outside the cluster. 0 turns it off.
   */
  @IsInt() @Min(0) @Max(65_535)
  METRICS_PORT: number = 9464;

  /** Where METRICS_PORT listens: every interface by default (Prometheus and the kubelet reach the pod's address); 127.0.0.1 keeps it on the host. */
  @IsIP(undefined, { message: 'METRICS_HOST must be an IP address (0.0.0.0, 127.0.0.1, ::)' })
  METRICS_HOST = '0.0.0.0';
}

/** Settings of a service that owns a PostgreSQL schema. */
export class DatabaseServiceConfig extends ServiceConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @IsOptional() @IsString()
  DATABASE_SCHEMA?: string;
}
