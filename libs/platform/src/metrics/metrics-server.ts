import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, register } from 'prom-client';

/** One dependency's answer for /readyz: true when it can serve. */
export type ReadinessCheck = () => Promise<boolean> | boolean;

export interface MetricsServerOptions {
  service: string;
  /** The caller skips the server when its METRICS_PORT is 0; 0 here lets the system choose (tests). */
  port: number;
  host: string;
  /** What /readyz asks, by name (`nats`, `postgres`); every one must answer true within `checkTimeoutMs`. */
  readiness?: Record<string, ReadinessCheck>;
  checkTimeoutMs?: number;
}

export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0 in tests). */
  port: number;
  close(): Promise<void>;
}

/**
 * The process's internal HTTP port: `/metrics` (Prometheus text), `/livez` (answered straight from the
 * event loop: a wedged loop times the probe out) and `/readyz` (every dependency this process needs to
 * serve answers now). It is not the gateway's public port and carries no application route; keep it
 * reachable only from inside the cluster (it needs no secret to read, and says nothing per customer).
 * The listener is unref'd: it never keeps a process alive that is otherwise done shutting down.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  // Asked of the registry, not of a flag of this module: co-hosted apps (tools/co-host.mjs) each load
  // their own copy of this module, and share prom-client's one registry (and the first app's label).
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) {
    // Process CPU, memory, heap, GC and event-loop delay, under their standard names. The event-loop
    // monitor samples every 50 ms, not prom-client's 10 ms: at 10 ms its timer alone cost an idle
    // process about 4 ms of CPU a second, at 50 ms under 1 ms; a wedged loop shows either way.
    collectDefaultMetrics({ eventLoopMonitoringPrecision: 50 });
    register.setDefaultLabels({ service: options.service });
  }
  const checks = Object.entries(options.readiness ?? {});
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  const server: Server = createServer((req, res) => {
    const path = req.url?.split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/livez') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (path === '/readyz') {
      void ready(checks, timeoutMs).then((results) => {
        const ok = Object.values(results).every(Boolean);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ready' : 'not ready', checks: results }));
      });
      return;
    }
    if (path === '/metrics') {
      register.metrics().then(
        (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
        (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function ready(checks: [string, ReadinessCheck][], timeoutMs: number): Promise<Record<string, boolean>> {
  const answers = await Promise.all(checks.map(async ([, check]) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([Promise.resolve().then(check).catch(() => false), late]);
    } finally {
      clearTimeout(timer);
    }
  }));
  return Object.fromEntries(checks.map(([name], i) => [name, answers[i]]));
}
