import 'reflect-metadata';
import { JsonLogger, loadConfig } from '@airtime/platform';
import { GatewayConfig } from './config/gateway.config.js';
import { createGatewayApp } from './create-gateway-app.js';

const config = loadConfig(GatewayConfig);
const app = await createGatewayApp(config);
await app.listen(config.PORT);
new JsonLogger('gateway', config.LOG_LEVEL).log(`gateway listening on http://localhost:${config.PORT} (GraphQL at /graphql)`, 'Bootstrap');
