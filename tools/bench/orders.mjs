// Orders per second and latency of POST /api/v1/orders through the gateway to the order's final
// state, against the simulators (instant success), on a platform of its own; then the ledger is
// checked for consistency, and the wallet-only debit rate is measured in the same run, so that the
// cost of each hop is visible.
//
// Beside each rate it prints the CPU milliseconds every process spent per operation (from /proc, so
// PostgreSQL and nats-server count too) and PostgreSQL's committed transactions per operation, for
// the orders, for the wallet's debit alone and for a bare SQL debit, all in the same run. Last, the
// bare order path (skeleton.mjs): the same hops, commits and events with none of the platform's code,
// as the platform's processes (services) and as one process with group commit, so that "orders / bare
// order path" says how much of the architecture's own ceiling the platform reaches on this machine.
//
//   npx nx run-many -t build && node tools/bench/orders.mjs [--seconds 10] [--concurrency 16] [--profile dir]
//
// --profile runs every app under --cpu-prof into `dir` and records the orders phase's time window;
// `node tools/bench/profile-summary.mjs dir` then says where the CPU went.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect as natsConnect, headers as natsHeaders } from '@nats-io/transport-node';
import { generate } from 'otplib';
import { startPlatform } from '../../apps/platform-e2e/src/support/platform-processes.js';
import { requestJson } from './http-json.mjs';
import { startSkeleton } from './skeleton.mjs';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' }, profile: { type: 'string' }, 'co-hosted': { type: 'boolean', default: false }, 'co-hosted-in-two': { type: 'boolean', default: false } },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
if (args.profile) {
  mkdirSync(args.profile, { recursive: true });
  process.env.PLATFORM_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${path.resolve(args.profile)}`;
}

// CPU time of a process in ms, from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms).
const TICK_MS = 10;
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
function pidsNamed(prefix) {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try { return readFileSync(`/proc/${p}/comm`, 'utf8').startsWith(prefix); } catch { return false; }
  });
}
/** Every process whose CPU counts: the platform's apps, PostgreSQL, nats-server, Redis and this client. */
function cpuSnapshot(appPids) {
  const snapshot = { 'bench client': (process.cpuUsage().user + process.cpuUsage().system) / 1000 };
  for (const [app, pid] of Object.entries(appPids)) snapshot[app] = cpuMs(pid);
  snapshot.postgres = pidsNamed('postgres').reduce((sum, pid) => sum + cpuMs(pid), 0);
  snapshot['nats-server'] = pidsNamed('nats-server').reduce((sum, pid) => sum + cpuMs(pid), 0);
  snapshot.redis = pidsNamed('redis-server').reduce((sum, pid) => sum + cpuMs(pid), 0);
  return snapshot;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function load(op, seconds = SECONDS) {
  const latencies = [];
  const outcomes = {};
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      const outcome = await op(worker, i).catch((error) => `error: ${error.message}`.slice(0, 200));
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'success') latencies.push(performance.now() - t0);
    }
  }));
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), outcomes, ok: latencies.length };
}

// --co-hosted: every app but the simulator in one process (tools/co-host.mjs); --co-hosted-in-two: the
// order path's services (orders, wallet, provider-adapters) in one, the gateway, identity and
// notifications in another, one event loop for each core (docs/performance.md).
const CO_HOSTED = args['co-hosted'] ? ['identity', 'wallet', 'orders', 'provider-adapters', 'notifications', 'gateway']
  : args['co-hosted-in-two'] ? [['orders', 'wallet', 'provider-adapters'], ['identity', 'notifications', 'gateway']] : [];
const platform = await startPlatform({ label: 'bench', coHost: CO_HOSTED, env: { LOG_LEVEL: 'error', RECONCILE_INTERVAL_SECONDS: '0', RATE_LIMIT_RECHARGES_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', RATE_LIMIT_CALLBACKS_PER_MINUTE: '0' } });
const { gatewayUrl, simUrl, subjectPrefix, operatorPhones, operatorTotpSecrets } = platform.state;
// Kept-alive node:http (http-json.mjs): the load generator's own CPU is printed below.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
const api = (method, path, body, auth) => requestJson(`${gatewayUrl}${path}`, { method, agent, body, headers: auth ? { authorization: auth } : {} });
const onboard = async (phone, otpSecret) => {
  await api('POST', '/api/v1/onboarding/accounts', {
    name: 'Bench Shop', type: 'company', level: 'agent', contact_name: 'Bench', contact_email: 'bench@example.com', contact_phone: phone,
    address: '1 Bench Road', city: 'Harare', user_firstname: 'Bench', user_lastname: 'Mark', user_email: 'bench@example.com', user_phone: phone,
  });
  for (let i = 0; i < 100; i++) {
    const inbox = await (await fetch(`${simUrl}/sim/sms?to=${phone}`)).json();
    const pin = /is (\d+)\./.exec(inbox[0]?.message ?? '')?.[1];
    if (pin) return (await api('POST', '/auth/pin-authentication', { phone, pin, ...(otpSecret ? { otp: await generate({ secret: otpSecret }) } : {}) })).body.data.token;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no PIN for ${phone}`);
};

// Idle connections are kept (idleTimeoutMillis 0): a backend that exits between the CPU snapshots
// would take its CPU time out of the sum.
const admin = new pg.Pool({ connectionString: platform.state.databaseUrl, max: CONCURRENCY, idleTimeoutMillis: 0 });
const commits = async () => {
  // Statistics reach pg_stat_database within a second of a transaction's end.
  await new Promise((r) => setTimeout(r, 1100));
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const { rows: [row] } = await admin.query('SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(row.n);
};
/** Runs `op` under load and measures, beside rate and latency, CPU and commits per successful operation. */
async function measured(op, pids = platform.state.pids) {
  const commitsBefore = await commits();
  const cpuBefore = cpuSnapshot(pids);
  const from = process.hrtime.bigint() / 1000n;
  const result = await load(op);
  const to = process.hrtime.bigint() / 1000n;
  const cpuAfter = cpuSnapshot(pids);
  // The admin pool's own two statements (snapshot clear and the read) are not the operation's.
  result.commitsPerOp = (await commits() - commitsBefore - 2) / result.ok;
  result.cpuPerOp = Object.fromEntries(Object.keys(cpuAfter).map((k) => [k, (cpuAfter[k] - cpuBefore[k]) / result.ok]));
  result.window = { from: Number(from), to: Number(to) };
  return result;
}

// A request as the services' RpcClient sends it (Nest's wire format over nats.js's shared inbox).
const client = await natsConnect({ servers: [process.env.NATS_URL ?? 'nats://127.0.0.1:4222'], noAsyncTraces: true });
const natsRequest = async (subject, data) => {
  const reply = (await client.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout: 10_000, headers: natsHeaders() })).json();
  if (reply.err) throw new Error(JSON.stringify(reply.err));
  return reply.response;
};
try {
  const token = await onboard('0771234500');
  const accountId = (await api('GET', '/auth/user', undefined, `Bearer ${token}`)).body.data.account_id;
  const key = (await api('POST', '/api/v1/api-keys', { name: 'bench' }, `Bearer ${token}`)).body.data.key;
  const operator = await onboard(operatorPhones[0], operatorTotpSecrets[operatorPhones[0]]);
  const fund = await api('POST', '/graphql', {
    query: 'mutation($i: CreditWalletInput!) { creditWallet(input: $i) { transfer { id } } }',
    variables: { i: { accountId, currency: 'USD', amountMinor: '10000000000', reason: 'benchmark float', idempotencyKey: randomUUID() } },
  }, `Bearer ${operator}`);
  if (fund.body.errors) throw new Error(JSON.stringify(fund.body.errors));

  const orders = await measured(async () => {
    const { body } = await api('POST', '/api/v1/orders', { product_id: 100, target: '0772279099', amount: 1, agent_reference: randomUUID() }, `Api-Key ${key}`);
    return body.status ?? body.code;
  });

  // The ledger after the run: balance = sum of entries, one debit per successful order.
  let cursor = null;
  let sum = 0n;
  let debits = 0;
  do {
    const page = (await api('GET', `/api/v1/wallet/ledger?limit=500${cursor ? `&cursor=${cursor}` : ''}`, undefined, `Api-Key ${key}`)).body.data;
    for (const e of page.entries) {
      sum += BigInt(e.amount_minor);
      if (e.kind === 'debit') debits++;
    }
    cursor = page.next_cursor;
  } while (cursor);
  const balance = (await api('GET', '/api/v1/wallet', undefined, `Api-Key ${key}`)).body.data[0].balance_minor;
  const consistent = String(sum) === balance && debits === (orders.outcomes.success ?? 0);

  if (args.profile) writeFileSync(path.join(args.profile, 'window.json'), JSON.stringify(orders.window));
  const walletOnly = await measured(async (worker, i) => {
    await natsRequest(`${subjectPrefix}wallet.transfers.debit`, {
      idempotency_key: `bench:${worker}:${i}:${randomUUID()}`, account_id: accountId, mode: 'live', currency: 'USD', amount_minor: '1',
    });
    return 'success';
  });

  // The same debit as one client-side transaction straight to PostgreSQL (insert the transfer, take the
  // money with a conditional update, write both entries, commit; the ledger's triggers run as always).
  const { rows: [walletRow] } = await admin.query(`SELECT id FROM wallet.ledger_accounts WHERE kind = 'wallet' AND owner_account_id = $1 AND currency = 'USD' AND mode = 'live'`, [accountId]);
  const { rows: [clearing] } = await admin.query(`SELECT id FROM wallet.ledger_accounts WHERE kind = 'clearing' AND currency = 'USD' AND mode = 'live' LIMIT 1`);
  const walletPool = new pg.Pool({ connectionString: platform.state.databaseUrl, max: CONCURRENCY, idleTimeoutMillis: 0, options: '-c search_path=wallet' });
  // Every connection open before the first snapshot, so that each backend's CPU is counted whole.
  const warm = await Promise.all(Array.from({ length: CONCURRENCY }, () => walletPool.connect()));
  for (const c of warm) c.release();
  const bare = await measured(async (worker, i) => {
    const db = await walletPool.connect();
    try {
      await db.query('BEGIN');
      const { rows: [t] } = await db.query(
        `INSERT INTO wallet.transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount)
         VALUES ($1, repeat('0', 64), 'debit', $2, 'live', 'USD', 1) RETURNING id`,
        [`sql:${worker}:${i}:${randomUUID()}`, accountId],
      );
      const { rows: [w] } = await db.query(
        `UPDATE wallet.ledger_accounts SET balance = balance - 1, updated_at = now() WHERE id = $1 AND balance >= 1 RETURNING balance`,
        [walletRow.id],
      );
      await db.query(
        `INSERT INTO wallet.ledger_entries (transfer_id, ledger_account_id, amount, balance_after) VALUES ($1, $2, -1, $3), ($1, $4, 1, NULL)`,
        [t.id, walletRow.id, w.balance, clearing.id],
      );
      await db.query('COMMIT');
      return 'success';
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  });

  // The wallet's own single round trip (the ledger_debit() function the service calls), straight to PostgreSQL.
  const bareFunction = await measured(async (worker, i) => {
    // Prepared, as the wallet service prepares it.
    await walletPool.query({ name: 'bare_ledger_debit', text: `SELECT * FROM ledger_debit($1, repeat('0', 64), $2, 'live', 'USD', 1, NULL, NULL, $3)`, values: [
      `fn:${worker}:${i}:${randomUUID()}`, accountId, clearing.id,
    ] });
    return 'success';
  });
  await walletPool.end();

  // The bare order path, the platform idle beside it: as the platform's processes, then as one process
  // with group commit (what docs/performance.md weighs as the architecture's change).
  const skeleton = async (options) => {
    const sk = await startSkeleton({ databaseUrl: platform.state.databaseUrl, natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', prefix: `${subjectPrefix}sk.`, ...options });
    try {
      const post = async (body) => (await requestJson(`${sk.url}/api/v1/orders`, { agent, body, headers: { authorization: `Api-Key ${sk.apiKey}` } })).body;
      // Warm: each process's statements prepared, its connections open, before the first snapshot.
      await load(async () => (await post({ product_id: 100, target: '0772279099', amount: 1, agent_reference: randomUUID() })).status, 2);
      const result = await measured(async () => (await post({ product_id: 100, target: '0772279099', amount: 1, agent_reference: randomUUID() })).status, { ...platform.state.pids, ...sk.pids });
      result.consistent = await sk.check();
      return result;
    } finally {
      await sk.stop();
    }
  };
  const bareServices = await skeleton({ topology: 'services' });
  const bareOneProcess = await skeleton({ topology: 'one-process', group: true });

  const fmt = (r) => `${r.perSecond.toFixed(0).padStart(5)}/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;
  console.log(`\nOrders, ${SECONDS}s, ${CONCURRENCY} concurrent clients, instant upstream success\n`);
  console.log(`  POST /api/v1/orders to final state  ${fmt(orders)}   outcomes ${JSON.stringify(orders.outcomes)}`);
  console.log(`  wallet debit alone over NATS        ${fmt(walletOnly)}`);
  console.log(`  bare SQL debit, 4 statements        ${fmt(bare)}`);
  console.log(`  bare SQL debit, ledger_debit()      ${fmt(bareFunction)}`);
  console.log(`  bare order path, as services        ${fmt(bareServices)}`);
  console.log(`  bare order path, 1 process, grouped ${fmt(bareOneProcess)}`);
  const bareBest = Math.max(bare.perSecond, bareFunction.perSecond);
  console.log(`\n  (every debit takes the same wallet's row lock, as every order of the run does)`);
  console.log(`  wallet over NATS / best bare SQL debit: ${(walletOnly.perSecond / bareBest).toFixed(2)}`);
  console.log(`  orders / best bare SQL debit:           ${(orders.perSecond / bareBest).toFixed(3)}`);
  console.log(`  orders / bare order path as services:   ${(orders.perSecond / bareServices.perSecond).toFixed(2)}`);
  console.log(`  bare order path, 1 process / services:  ${(bareOneProcess.perSecond / bareServices.perSecond).toFixed(2)}`);
  const phases = { order: orders, 'wallet debit': walletOnly, 'bare 4 statements': bare, 'bare function': bareFunction, 'bare path': bareServices, 'bare 1 process': bareOneProcess };
  const names = [...new Set(Object.values(phases).flatMap((p) => Object.keys(p.cpuPerOp)))].filter((k) => Object.values(phases).some((p) => p.cpuPerOp[k] >= 0.05));
  const cell = (value) => (value === undefined ? '–' : value.toFixed(2)).padStart(16);
  console.log(`\n  CPU ms per operation (from /proc; 10 ms ticks)  ${Object.keys(phases).map((p) => p.padStart(16)).join('')}`);
  for (const name of names) console.log(`    ${name.padEnd(44)} ${Object.values(phases).map((p) => cell(p.cpuPerOp[name])).join('')}`);
  console.log(`    ${'total'.padEnd(44)} ${Object.values(phases).map((p) => cell(Object.values(p.cpuPerOp).reduce((a, b) => a + b, 0))).join('')}`);
  console.log(`  PostgreSQL commits per operation             ${Object.values(phases).map((p) => p.commitsPerOp.toFixed(1).padStart(16)).join('')}`);
  console.log(`\n  ledger after the run: balance ${balance}, entries sum ${sum}, debits ${debits}: ${consistent ? 'consistent' : 'INCONSISTENT'}`);
  console.log(`  bare order paths' ledgers: ${bareServices.consistent && bareOneProcess.consistent ? 'consistent' : 'INCONSISTENT'}\n`);
  if (!consistent || !bareServices.consistent || !bareOneProcess.consistent) process.exitCode = 1;
} finally {
  await client.close();
  agent.destroy();
  await admin.end();
  await platform.stopAll();
  if (args.profile) console.log(`profiles in ${args.profile}: node tools/bench/profile-summary.mjs ${args.profile}`);
}
