import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const APPS = ['provider-sim', 'identity', 'wallet', 'orders', 'provider-adapters', 'notifications', 'gateway'];
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Plain JavaScript: Jest loads global setup outside its module mapper, so the @airtime/* aliases
// are not available here.

/**
 * Starts the whole platform once for the run, as separate processes from the built apps (as it runs
 * in production), on a database and a NATS subject prefix of its own, and waits until the gateway
 * reports every service healthy.
 */
export default async function globalSetup() {
  const runId = randomBytes(5).toString('hex');
  const database = await createTestDatabase('e2e');
  const [gatewayPort, simPort] = await freePorts(2);
  const logDir = path.join(ROOT, 'tmp', 'e2e-logs', runId);
  mkdirSync(logDir, { recursive: true });

  /** @type {import('./e2e-state.js').E2eState} */
  const state = {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    simUrl: `http://127.0.0.1:${simPort}`,
    databaseName: database.name,
    databaseUrl: database.url,
    subjectPrefix: `e2e${runId}.`,
    jwtSecret: randomBytes(32).toString('hex'),
    pesepayIntegrationKey: `e2e-${randomBytes(8).toString('hex')}`,
    pesepayEncryptionKey: randomBytes(16).toString('hex'),
    operatorPhones: Array.from({ length: 20 }, (_, i) => `07700000${String(i).padStart(2, '0')}`),
    pids: {},
    logDir,
  };
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    DATABASE_URL: database.url,
    NATS_SUBJECT_PREFIX: state.subjectPrefix,
    JWT_SECRET: state.jwtSecret,
    SMS_API_URL: state.simUrl,
    SIM_PUBLIC_URL: state.simUrl,
    PUBLIC_BASE_URL: state.gatewayUrl,
    PESEPAY_BASE_URL: `${state.simUrl}/pesepay/api/payments-engine`,
    PESEPAY_SANDBOX_BASE_URL: `${state.simUrl}/pesepay/api/payments-engine`,
    PESEPAY_INTEGRATION_KEY: state.pesepayIntegrationKey,
    PESEPAY_ENCRYPTION_KEY: state.pesepayEncryptionKey,
    OPERATOR_PHONES: state.operatorPhones.join(','),
  };

  const children = [];
  for (const app of APPS) {
    const entry = path.join(ROOT, 'dist', 'apps', app, 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the apps first (npx nx run-many -t build)`);
    const port = app === 'gateway' ? gatewayPort : app === 'provider-sim' ? simPort : undefined;
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { ...env, ...(port ? { PORT: String(port) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(logDir, `${app}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.push(child);
    state.pids[app] = child.pid;
  }

  try {
    await waitForHealthy(`${state.gatewayUrl}/health`, 60_000);
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    await database.drop();
    const logs = APPS.map((app) => `--- ${app}\n${tail(path.join(logDir, `${app}.log`))}`).join('\n');
    throw new Error(`${error.message}\n${logs}`);
  }

  const stateFile = path.join(os.tmpdir(), `airtime-e2e-${runId}.json`);
  writeFileSync(stateFile, JSON.stringify(state));
  // Workers are forked after global setup and inherit this.
  process.env.E2E_STATE_FILE = stateFile;
  globalThis.__E2E__ = {
    children,
    drop: database.drop,
  };
}

async function waitForHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The platform did not become healthy in ${timeoutMs} ms: ${last}`);
}

async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve) => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function tail(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
}

/** A throw-away database for the run, dropped by teardown (FORCE: a crashed app may leave connections). */
async function createTestDatabase(label) {
  const name = `airtime_${label}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
