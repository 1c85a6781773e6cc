import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import pg from 'pg';
import { SERVICE_NAMES, type ServiceHealth, Subjects } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';

type Status = 'up' | 'down';

export interface PlatformHealth {
  status: Status;
  postgres: { status: Status };
  nats: { status: Status };
  services: Record<string, { status: Status } & Partial<ServiceHealth>>;
}

/** GET /health: every service over NATS, PostgreSQL and NATS themselves; 503 when any is down. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const timeout = this.config.HEALTH_TIMEOUT_MS;
    const [postgres, nats, ...services] = await Promise.all([
      this.check(() => this.pingPostgres(timeout)),
      this.check(() => this.rpc.ping(timeout)),
      ...SERVICE_NAMES.map((service) =>
        this.rpc
          .request<ServiceHealth>(Subjects.health(service), {}, timeout)
          .catch((): { status: Status } => ({ status: 'down' })),
      ),
    ]);
    const body: PlatformHealth = {
      status: 'up',
      postgres: { status: postgres },
      nats: { status: nats },
      services: Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, services[i] as { status: Status }])),
    };
    const allUp = postgres === 'up' && nats === 'up' && Object.values(body.services).every((s) => s.status === 'up');
    body.status = allUp ? 'up' : 'down';
    res.status(allUp ? 200 : 503).json(body);
  }

  private async check(probe: () => Promise<unknown>): Promise<Status> {
    try {
      await probe();
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async pingPostgres(timeoutMs: number): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
