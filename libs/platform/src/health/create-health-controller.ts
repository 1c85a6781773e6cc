import { Controller, Optional, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hostname } from 'node:os';
import { Rpc, type ServiceHealth, type ServiceName } from '@airtime/contracts';
import { RpcHandler } from '../nats/rpc-handler.js';

/** Each service answers `<service>.health` with its own view of its database. */
export function createHealthController(service: ServiceName): Type<unknown> {
  const instance = `${hostname()}:${process.pid}`;

  @Controller()
  class HealthController {
    constructor(@Optional() private readonly dataSource?: DataSource) {}

    @RpcHandler(Rpc.health(service))
    async health(): Promise<ServiceHealth> {
      let database: ServiceHealth['database'] = 'up';
      try {
        if (!this.dataSource?.isInitialized) throw new Error('not connected');
        await this.dataSource.query('SELECT 1');
      } catch {
        database = 'down';
      }
      return { service, status: database === 'up' ? 'up' : 'down', database, uptimeSeconds: Math.round(process.uptime()), instance };
    }
  }
  return HealthController;
}
