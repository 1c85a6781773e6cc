// Runs several of the platform's apps in one Node process (docs/performance.md, "The change proposed"):
// each keeps its own module graph, configuration, database schema and NATS subjects, and a request
// from one to another that is served here skips the round trip through nats-server (RpcClient asks
// the co-hosted server directly, through the same Nest pipeline and the same JSON text).
//
//   node tools/co-host.mjs identity wallet orders provider-adapters notifications gateway
//
// Apps start in the order given, each from its built dist/apps/<app>/main.js. The environment is
// shared; CO_HOST_ENV (JSON: { "<app>": { "NAME": "value" } }) sets what differs per app (PORT,
// METRICS_PORT) while that app reads its configuration, which each does once, at start. An app given
// no METRICS_PORT there serves none: every app's /metrics would show the one process's registry, so
// give one app (the gateway, say) the process's metrics port.
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = process.argv.slice(2);
if (!apps.length) throw new Error('usage: node tools/co-host.mjs <app> [<app> ...]');
const perApp = JSON.parse(process.env.CO_HOST_ENV ?? '{}');
const shared = { ...process.env };

// What libs/platform's enableCoHosting() does; set before any app loads its own copy of the library.
globalThis[Symbol.for('airtime.platform.co-hosted-servers')] ??= new Map();
// The process's one request context (libs/platform's request-context.ts takes it). Each app starts
// inside its own, so what it starts (connections, timers, consumers) logs under its name; Nest's
// logger is one per process and would otherwise label every line with the last app started.
const context = (globalThis[Symbol.for('airtime.platform.request-context')] ??= new AsyncLocalStorage());

for (const app of apps) {
  for (const name of Object.keys(process.env)) if (!(name in shared)) delete process.env[name];
  Object.assign(process.env, shared, { METRICS_PORT: '0' }, perApp[app] ?? {});
  await context.run({ service: app }, () => import(pathToFileURL(path.join(ROOT, 'dist', 'apps', app, 'main.js')).href));
}
