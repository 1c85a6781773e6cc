// Plain JavaScript: Jest loads global setup outside its module mapper and transformer, and the
// fault-injection flows start platforms of their own with the same code (types in the .d.ts beside).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSecret } from 'otplib';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const APPS = ['provider-sim', 'identity', 'wallet', 'orders', 'provider-adapters', 'notifications', 'gateway'];
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The whole platform as separate processes from the built apps (as in production), on a database and
 * a NATS subject prefix of its own. Each app can be stopped and started again, to test faults.
 */
export async function startPlatform({ label = 'e2e', env: extraEnv = {}, replicas = {}, coHost = [] } = {}) {
  const runId = randomBytes(5).toString('hex');
  const database = await createTestDatabase(label);
  // Every app's internal metrics port (METRICS_PORT) is its own: many platforms run at once on this host.
  const [gatewayPort, simPort, ...metricsPorts] = await freePorts(2 + APPS.length);
  const metricsPortOf = Object.fromEntries(APPS.map((app, i) => [app, metricsPorts[i]]));
  const logDir = path.join(ROOT, 'tmp', 'e2e-logs', `${label}-${runId}`);
  mkdirSync(logDir, { recursive: true });

  const state = {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    simUrl: `http://127.0.0.1:${simPort}`,
    databaseName: database.name,
    databaseUrl: database.url,
    subjectPrefix: `${label}${runId}.`,
    jwtSecret: randomBytes(32).toString('hex'),
    pesepayIntegrationKey: `e2e-${randomBytes(8).toString('hex')}`,
    pesepayEncryptionKey: randomBytes(16).toString('hex'),
    // Ending in 9999: never one of the simulators' test numbers (…0001 to …0008 misbehave on purpose).
    operatorPhones: Array.from({ length: 60 }, (_, i) => `0770${String(i).padStart(2, '0')}9999`),
    operatorTotpSecrets: {},
    pids: {},
    // The first instance of each app; further replicas (instance > 0) run without one.
    metricsUrls: Object.fromEntries(APPS.filter((app) => app !== 'provider-sim').map((app) => [app, `http://127.0.0.1:${metricsPortOf[app]}`])),
    logDir,
  };
  for (const phone of state.operatorPhones) state.operatorTotpSecrets[phone] = generateSecret();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    SHUTDOWN_GRACE_MS: '500',
    DATABASE_URL: database.url,
    NATS_SUBJECT_PREFIX: state.subjectPrefix,
    JWT_SECRET: state.jwtSecret,
    SMS_API_BASE_URL: `${state.simUrl}/africastalking`,
    SMS_API_KEY: 'sim-at-sms-api-key',
    SMS_SANDBOX_API_BASE_URL: `${state.simUrl}/africastalking-sandbox`,
    SIM_PUBLIC_URL: state.simUrl,
    PUBLIC_BASE_URL: state.gatewayUrl,
    PESEPAY_BASE_URL: `${state.simUrl}/pesepay/api/payments-engine`,
    PESEPAY_SANDBOX_BASE_URL: `${state.simUrl}/pesepay/api/payments-engine`,
    PESEPAY_INTEGRATION_KEY: state.pesepayIntegrationKey,
    PESEPAY_ENCRYPTION_KEY: state.pesepayEncryptionKey,
    OPERATOR_PHONES: state.operatorPhones.join(','),
    OPERATOR_TOTP_SECRETS: Object.entries(state.operatorTotpSecrets).map(([phone, secret]) => `${phone}=${secret}`).join(','),
    // Orders resolve quickly enough to be watched: a slow upstream answers after the adapter gave up.
    ORDER_WAIT_MS: '8000',
    DISPATCH_TIMEOUT_MS: '10000',
    RECONCILE_INTERVAL_SECONDS: '2',
    RECONCILE_GRACE_SECONDS: '1',
    SIM_SLOW_ANSWER_MS: '2500',
    SIM_CALLBACK_DELAY_MS: '300',
    // Webhook receivers in tests listen on loopback; retries come quickly.
    WEBHOOK_SECRET_KEY: randomBytes(24).toString('hex'),
    CAMPAIGN_SECRET_KEY: randomBytes(24).toString('hex'),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_BACKOFF_BASE_MS: '200',
    WEBHOOK_BACKOFF_MAX_MS: '1000',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
    // Every flow logs in and onboards from 127.0.0.1: per-address limits and the answer floor are
    // exercised by flows on platforms of their own; open subscriptions are re-checked every second.
    RATE_LIMIT_PIN_LOGINS_PER_ADDRESS_PER_HOUR: '1000000',
    RATE_LIMIT_PIN_CHECKS_PER_SECOND: '1000',
    RATE_LIMIT_PIN_SMS_PER_ADDRESS_PER_HOUR: '1000000',
    RATE_LIMIT_PIN_SMS_PER_PHONE_PER_HOUR: '10',
    // Likewise the anonymous and callback ceilings (their rules have unit specs against real Redis).
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_CALLBACKS_PER_MINUTE: '1000000',
    PIN_SMS_MIN_RESPONSE_MS: '0',
    SUBSCRIPTION_RECHECK_SECONDS: '1',
    ...upstreamEnv(state.simUrl, state.gatewayUrl),
    ...extraEnv,
  };

  const running = new Map();
  /** Spawns one process of the platform (an app, or apps co-hosted), known as `name`, its output in its own log. */
  const launch = (name, instance, script, args, childEnv) => {
    // PLATFORM_NODE_ARGS: flags for every app's node (the bench's --profile passes --cpu-prof).
    const nodeArgs = (process.env.PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(path.join(logDir, `${logNameOf(name)}${instance ? `-${instance}` : ''}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    running.set(`${name}#${instance}`, child);
    state.pids[name] = child.pid;
    return child;
  };
  const start = (app, overrides = {}, instance = 0) => {
    const entry = path.join(ROOT, 'dist', 'apps', app, 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the apps first (npx nx run-many -t build)`);
    const port = app === 'gateway' ? gatewayPort : app === 'provider-sim' ? simPort : undefined;
    return launch(app, instance, entry, [], {
      ...env, ...(port ? { PORT: String(port) } : {}), METRICS_PORT: instance === 0 ? String(metricsPortOf[app]) : '0', METRICS_HOST: '127.0.0.1', ...overrides,
    });
  };
  const stop = async (app, instance = 0, signal = 'SIGTERM') => {
    const child = running.get(`${app}#${instance}`);
    running.delete(`${app}#${instance}`);
    if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', (code, exitSignal) => {
        clearTimeout(force);
        resolve({ code, signal: exitSignal });
      });
      child.kill(signal);
    });
  };

  // coHost: apps run together in one process (tools/co-host.mjs), or several such groups; a group's
  // pid is under `co-hosted:<app>+<app>…`, and each app keeps its own ports.
  const groups = (coHost.length && Array.isArray(coHost[0]) ? coHost : [coHost]).filter((group) => group.length);
  const coHosted = groups.flat();
  const startCoHosted = (group) => {
    const apps = APPS.filter((app) => group.includes(app));
    const perApp = Object.fromEntries(apps.map((app) => [app, { ...(app === 'gateway' ? { PORT: String(gatewayPort) } : {}), METRICS_PORT: String(metricsPortOf[app]) }]));
    launch(coHostedName(apps), 0, path.join(ROOT, 'tools', 'co-host.mjs'), apps, { ...env, METRICS_HOST: '127.0.0.1', CO_HOST_ENV: JSON.stringify(perApp) });
  };
  for (const app of APPS) {
    if (coHosted.includes(app)) continue;
    for (let i = 0; i < (replicas[app] ?? 1); i++) start(app, {}, i);
  }
  for (const group of groups) startCoHosted(group);
  const platform = {
    state,
    start,
    stop,
    // A loaded machine starts seven apps slowly: E2E_HEALTH_TIMEOUT_MS gives them longer.
    waitForHealthy: (timeoutMs = Number(process.env.E2E_HEALTH_TIMEOUT_MS ?? 60_000)) => waitForHealthy(`${state.gatewayUrl}/health`, timeoutMs),
    /** Another gateway replica on a port of its own (as behind a load balancer); its URL once healthy. */
    async startGatewayReplica(instance = 1, timeoutMs = Number(process.env.E2E_HEALTH_TIMEOUT_MS ?? 60_000)) {
      const [port] = await freePorts(1);
      start('gateway', { PORT: String(port) }, instance);
      const url = `http://127.0.0.1:${port}`;
      await waitForHealthy(`${url}/health`, timeoutMs);
      return url;
    },
    async stopAll() {
      await Promise.all([...running.keys()].map((key) => {
        const [app, instance] = key.split('#');
        return stop(app, Number(instance));
      }));
      await database.drop();
    },
  };
  try {
    // A loaded machine (several suites at once) may need longer to start seven processes.
    await platform.waitForHealthy(Number(process.env.E2E_STARTUP_TIMEOUT_MS ?? 60_000));
  } catch (error) {
    await platform.stopAll();
    const logs = [...APPS.filter((app) => !coHosted.includes(app)), ...groups.map((group) => coHostedName(APPS.filter((app) => group.includes(app))))]
      .map((name) => `--- ${name}\n${tail(path.join(logDir, `${logNameOf(name)}.log`))}`).join('\n');
    throw new Error(`${error.message}\n${logs}`);
  }
  return platform;
}

/** What a group of co-hosted apps is known as (its pid in `state.pids`, its key for stop()). */
function coHostedName(apps) {
  return `co-hosted:${apps.join('+')}`;
}

/** A process's log file name: its name, with a co-hosted group's separators made plain. */
function logNameOf(name) {
  return name.replace(/[:+]/g, '_');
}

const E2E_AFRICASTALKING_CALLBACK_SECRET = 'e2e-africastalking-callback-secret-000001';

/** Every upstream adapter pointed at the run's simulator, with short timeouts; callbacks to the run's gateway. */
function upstreamEnv(simUrl, gatewayUrl) {
  return {
    OMEGA_BASE_URL: `${simUrl}/omega`,
    OMEGA_SANDBOX_BASE_URL: `${simUrl}/omega`,
    OMEGA_TIMEOUT_MS: '1000',
    AFRICASTALKING_BASE_URL: `${simUrl}/africastalking`,
    AFRICASTALKING_SANDBOX_BASE_URL: `${simUrl}/africastalking`,
    AFRICASTALKING_TIMEOUT_MS: '1000',
    ESTORESMS_BASE_URL: `${simUrl}/estoresms`,
    ESTORESMS_SANDBOX_BASE_URL: `${simUrl}/estoresms`,
    ESTORESMS_TIMEOUT_MS: '1000',
    ESTORESMS_CALLBACK_URL: `${gatewayUrl}/callbacks/estoresms`,
    TUTI_BASE_URL: `${simUrl}/tuti`,
    TUTI_SANDBOX_BASE_URL: `${simUrl}/tuti`,
    TUTI_TIMEOUT_MS: '1000',
    ZESA_BASE_URL: `${simUrl}/zesa`,
    ZESA_SANDBOX_BASE_URL: `${simUrl}/zesa`,
    ZESA_TIMEOUT_MS: '1000',
    // Africa's Talking has no status query: its callbacks carry our secret in the URL we register.
    AFRICASTALKING_CALLBACK_SECRET: E2E_AFRICASTALKING_CALLBACK_SECRET,
    SIM_AFRICASTALKING_CALLBACK_URL: `${gatewayUrl}/callbacks/africastalking?token=${E2E_AFRICASTALKING_CALLBACK_SECRET}`,
    SIM_TUTI_WEBHOOK_URL: `${gatewayUrl}/callbacks/tuti`,
    SIM_OMEGA_CALLBACK_URL: `${gatewayUrl}/callbacks/omega`,
    SIM_ZESA_CALLBACK_URL: `${gatewayUrl}/callbacks/zesa`,
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

/** A throw-away database, dropped by stopAll (FORCE: a crashed app may leave connections). */
async function createTestDatabase(label) {
  const name = `airtime_${label.replace(/[^a-z0-9_]/gi, '_')}_${randomBytes(5).toString('hex')}`;
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
