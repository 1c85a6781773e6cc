import 'reflect-metadata';
import type { Server } from 'node:http';
import { JsonLogger, loadConfig, startMetricsServer } from '@airtime/platform';
import { GatewayConfig } from './config/gateway.config.js';
import { createGatewayApp } from './create-gateway-app.js';

const config = loadConfig(GatewayConfig);
const app = await createGatewayApp(config);
await app.listen(config.PORT);
// Metrics and probes on their own internal port, never on PORT (the public one). Readiness of what is
// behind the gateway stays GET /health; /readyz here says this process still takes connections.
if (config.METRICS_PORT !== 0) {
  const server = app.getHttpServer() as Server;
  await startMetricsServer({ service: 'gateway', port: config.METRICS_PORT, host: config.METRICS_HOST, readiness: { http: () => server.listening } });
}
new JsonLogger('gateway', config.LOG_LEVEL).log(`gateway listening on http://localhost:${config.PORT} (GraphQL at /graphql)`, 'Bootstrap');
