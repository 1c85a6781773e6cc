import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config.js';
import type { PlatformServerNats } from '../nats/platform-server-nats.js';
import { startMetricsServer, type MetricsServer, type ReadinessCheck } from './metrics-server.js';

/**
 * A NATS service's internal port (METRICS_PORT; 0: none): ready when this process holds its NATS
 * connection and its PostgreSQL pool answers `SELECT 1` (a service without a database checks NATS only).
 */
export async function serveServiceMetrics(app: INestMicroservice, server: PlatformServerNats, service: string, config: ServiceConfig): Promise<MetricsServer | undefined> {
  if (config.METRICS_PORT === 0) return undefined;
  const readiness: Record<string, ReadinessCheck> = { nats: () => server.isConnected() };
  // A service with a DATABASE_URL has its DataSource (ServiceDatabaseModule); asking Nest for a missing
  // provider would end the process, so only those ask.
  const dataSource = 'DATABASE_URL' in config && config.DATABASE_URL ? app.get(DataSource, { strict: false }) : undefined;
  if (dataSource) readiness.postgres = async () => dataSource.isInitialized && (await dataSource.query('SELECT 1'), true);
  return startMetricsServer({ service, port: config.METRICS_PORT, host: config.METRICS_HOST, readiness });
}
