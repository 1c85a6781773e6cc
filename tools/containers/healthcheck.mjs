// The container's health check and Kubernetes' exec probes, copied into every app image as /app/healthcheck.mjs.
//
//   node healthcheck.mjs ready   (the default; Docker's HEALTHCHECK) this container can do its work now
//   node healthcheck.mjs live    this container is not wedged (restart it when this fails for long)
//
// HTTP apps answer it themselves: the gateway is ready when GET /health says 200 (PostgreSQL, NATS and every
// service behind it up) and live when it answers at all, 503 included, since its HTTP server answers from the
// event loop; provider-sim is both when its SMS inbox answers. The NATS services have no HTTP port, so this
// looks at the container's own sockets (/proc/net/tcp, this network namespace only): live when it holds an
// established connection to a NATS server (its queue subscriptions ride on it), ready when, besides, PostgreSQL
// accepts a connection from here (the service's pool closes idle connections, so an open one can't be required).
// A service asked over NATS would be answered by any replica of its queue group, which says nothing of this one.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

const mode = process.argv[2] ?? 'ready';
const app = process.env.APP ?? '';
const TIMEOUT_MS = Number(process.env.HEALTHCHECK_TIMEOUT_MS ?? 4000);

function fail(reason) {
  console.error(`${app} ${mode}: ${reason}`);
  process.exit(1);
}

async function get(path, port) {
  return fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/** Ports of the servers a URL list names (comma-separated, as NATS_URL may be). */
function ports(urls, fallback) {
  return (urls ?? '').split(',').map((u) => u.trim()).filter(Boolean).map((u) => {
    try {
      return Number(new URL(u).port || fallback);
    } catch {
      return fallback;
    }
  });
}

/** Whether a TCP connection to the URL's host and port opens. */
function accepts(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || fallbackPort), timeout: TIMEOUT_MS });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Remote ports of this network namespace's established TCP connections. */
function establishedRemotePorts() {
  const found = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, , remote, state] = line.trim().split(/\s+/);
      if (state === '01' && remote) found.add(parseInt(remote.split(':')[1], 16));
    }
  }
  return found;
}

try {
  if (app === 'gateway') {
    const response = await get('/health', process.env.PORT ?? 3000);
    if (mode === 'ready' && response.status !== 200) fail(`GET /health answered ${response.status}`);
  } else if (app === 'provider-sim') {
    const response = await get('/sim/sms?to=healthcheck', process.env.PORT ?? 4010);
    if (response.status !== 200) fail(`GET /sim/sms answered ${response.status}`);
  } else {
    const open = establishedRemotePorts();
    const nats = ports(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 4222);
    if (!nats.some((p) => open.has(p))) fail(`no established connection to NATS (port ${nats.join(', ')})`);
    if (mode === 'ready' && process.env.DATABASE_URL && !(await accepts(process.env.DATABASE_URL, 5432))) {
      fail('PostgreSQL does not accept connections');
    }
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
