import { hostname } from 'node:os';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { SERVICE_NAMES, type ServiceHealth, Rpc } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import { Throttler } from '../throttling/throttler.js';

type Status = 'up' | 'down';

/** What operators see: every part of the platform, each service's instance and uptime, this gateway's. */
export interface PlatformHealth {
  status: Status;
  postgres: { status: Status };
  nats: { status: Status };
  redis: { status: Status };
  gateway: { instance: string; node: string; uptimeSeconds: number };
  services: Record<string, { status: Status } & Partial<ServiceHealth>>;
}

/**
 * Checks every service over NATS, and PostgreSQL, NATS and Redis themselves. One small pool for
 * PostgreSQL (a connection per call would let anyone who polls /health exhaust the server's
 * connections), and concurrent callers share one check in flight rather than each fanning out anew.
 */
@Injectable()
export class HealthProbes implements OnModuleDestroy {
  private readonly logger = new Logger(HealthProbes.name);
  private readonly pool: pg.Pool;
  private readonly instance = `${hostname()}:${process.pid}`;
  private inFlight?: Promise<PlatformHealth>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly throttler: Throttler,
    private readonly config: GatewayConfig,
  ) {
    const timeout = config.HEALTH_TIMEOUT_MS;
    this.pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: timeout, query_timeout: timeout });
    // An idle connection the server drops must not take the gateway down; the next check reports it.
    this.pool.on('error', (error) => this.logger.warn(`PostgreSQL health connection lost: ${error.message}`));
  }

  check(): Promise<PlatformHealth> {
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private async probe(): Promise<PlatformHealth> {
    const timeout = this.config.HEALTH_TIMEOUT_MS;
    const [postgres, nats, redis, ...services] = await Promise.all([
      status(() => this.pool.query('SELECT 1')),
      status(() => this.rpc.ping(timeout)),
      status(async () => {
        if (!(await this.throttler.ping())) throw new Error('no PONG');
      }),
      ...SERVICE_NAMES.map((service) =>
        this.rpc.request(Rpc.health(service), {}, timeout).catch((): { status: Status } => ({ status: 'down' })),
      ),
    ]);
    const named = Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, services[i] as { status: Status }]));
    const allUp = postgres === 'up' && nats === 'up' && redis === 'up' && Object.values(named).every((s) => s.status === 'up');
    return {
      status: allUp ? 'up' : 'down',
      postgres: { status: postgres },
      nats: { status: nats },
      redis: { status: redis },
      gateway: { instance: this.instance, node: process.version, uptimeSeconds: Math.round(process.uptime()) },
      services: named,
    };
  }
}

async function status(probe: () => Promise<unknown>): Promise<Status> {
  try {
    await probe();
    return 'up';
  } catch {
    return 'down';
  }
}
