// The gateway alone on the REST order path: POST /api/v1/orders with an API key, answered on NATS by a
// stand-in for the orders service (and for identity's key check) inside this script, so that only the
// gateway's own work is measured. Beside it, in the same run, a bare node:http server that does the
// least the path needs (parse the JSON body, one NATS request in Nest's wire format, a JSON answer):
// the ratio of the two is the gateway's overhead, read from one run on one machine.
//
//   npx nx run gateway:build && node tools/bench/gateway-orders.mjs [--seconds 10] [--concurrency 16] [--rounds 2] [--rate 600] [--events 2] [--profile dir] [--gateway path/to/main.js] [--compare path/to/main.js]
//
// Rounds alternate the servers' phases (bare, gateway, --compare's build; reversed every other round)
// so that drift on a shared machine touches each alike. CPU per request is read from /proc/<pid>/stat
// (10 ms ticks) of the server process alone. On a 2-core VM rounds differ by 10-20%: an A/A run (the
// same build as --gateway and --compare) reads 0.99 with a range of 0.82-1.17 over 16 rounds of 2 s,
// so a difference under ~5% needs many rounds, or a micro-benchmark of the piece itself. CPU per request
// also depends on load: at 400 requests/s (--rate) it is 2-3 times what it is flat out, where more
// arrives per wakeup; the platform runs orders at the lower rates. The gateway runs as in
// production: access log at LOG_LEVEL=log (to a file), rate limits on (counted in Redis, ceilings far
// above the load), the API key verified once by the stand-in and then served from the gateway's cache.
// --profile runs the gateway under --cpu-prof into `dir` and records the gateway phases' window;
// `node tools/bench/profile-summary.mjs dir` then says where its CPU went.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect as natsConnect, headers as natsHeaders } from '@nats-io/transport-node';
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { readJson, requestJson } from './http-json.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    // Requests per second offered to each server (0: as fast as the clients go). A fixed rate compares
    // CPU per request at the same load: a busier server batches more per wakeup and looks cheaper.
    rate: { type: 'string', default: '0' },
    // Order events per order that the stand-in publishes to a JetStream stream of the run's (plus one wallet
    // balance change), as orders and wallet do: the gateway's GraphQL subscription feed reads them all,
    // subscribers or not. 0 (the default) measures the REST path alone.
    events: { type: 'string', default: '0' },
    'log-level': { type: 'string', default: 'log' },
    profile: { type: 'string' },
    // The build to measure. Another one must be a copy of dist/apps/gateway kept inside the repo (tmp/…), so that its packages resolve.
    gateway: { type: 'string', default: path.join(ROOT, 'dist', 'apps', 'gateway', 'main.js') },
    // A second build run beside the first, phases alternating, for an A/B in one run: --compare tmp/gw-before/main.js.
    compare: { type: 'string' },
    // Internal: this script started as the bare server.
    'bare-server': { type: 'string' },
  },
});

if (args['bare-server']) {
  await bareServer(args['bare-server']);
} else {
  await main();
}

/** The least the path needs: JSON in, one NATS request (Nest's wire format, request id header), JSON out. */
async function bareServer(subject) {
  const nc = await natsConnect({ servers: [NATS_URL], noAsyncTraces: true });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readJson(req);
      const headers = natsHeaders();
      headers.set('x-request-id', randomUUID());
      const message = await nc.request(subject, encoder.encode(JSON.stringify({ pattern: subject, data: { ...body, account_id: randomUUID(), mode: 'live' }, id: randomUUID() })), { timeout: 10_000, headers });
      const reply = JSON.parse(decoder.decode(message.data));
      const payload = JSON.stringify(reply.response);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('SIGTERM', () => server.close(() => nc.close().then(() => process.exit(0))));
}

async function main() {
  const SECONDS = Number(args.seconds);
  const CONCURRENCY = Number(args.concurrency);
  const ROUNDS = Number(args.rounds);
  const prefix = `gwbench${randomBytes(4).toString('hex')}.`;
  const ordersSubject = `${prefix}orders.orders.create`;
  const verifySubject = `${prefix}identity.api-keys.verify`;
  const accountId = randomUUID();
  const apiKeyId = randomUUID();
  const key = `atk_${randomBytes(24).toString('hex')}`;
  let verifications = 0;

  // The stand-ins, answering as a Nest NATS handler does: {id, response, isDisposed: true}.
  const nc = await natsConnect({ servers: [NATS_URL], noAsyncTraces: true });
  const answer = (message, response) => {
    const { id } = message.json();
    message.respond(JSON.stringify({ id, response, isDisposed: true }));
  };
  nc.subscribe(verifySubject, {
    callback: (error, message) => {
      if (error) return;
      verifications++;
      const { data } = message.json();
      if (data.key === key) answer(message, { account_id: accountId, api_key_id: apiKeyId, mode: 'live' });
      else message.respond(JSON.stringify({ id: message.json().id, err: { code: 'VALIDATION_FAILED', message: 'Invalid API key' }, isDisposed: true }));
    },
  });
  const EVENTS = Number(args.events);
  const streamPrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const streams = [[`${streamPrefix}ORDERS`, `${prefix}orders.events.>`], [`${streamPrefix}WALLET`, `${prefix}wallet.events.>`]];
  const jsm = EVENTS > 0 ? await jetstreamManager(nc) : undefined;
  for (const [name, subject] of jsm ? streams : []) await jsm.streams.add({ name, subjects: [subject], storage: StorageType.Memory, max_msgs: 200_000 });
  let sequence = 0;
  nc.subscribe(ordersSubject, {
    callback: (error, message) => {
      if (error) return;
      const { data } = message.json();
      const order = orderView(data, ++sequence);
      answer(message, order);
      // Only the gateways' orders (the bare server's carry an account of their own): each gateway's phase pays for its own events.
      if (EVENTS > 0 && data.account_id === accountId) {
        for (let i = 0; i < EVENTS; i++) nc.publish(`${prefix}orders.events.${accountId}.${i === EVENTS - 1 ? 'success' : 'pending'}`, JSON.stringify({ type: 'order.status_changed', occurred_at: order.updated_at, order }));
        nc.publish(`${prefix}wallet.events.${accountId}.wallet.balance_changed`, JSON.stringify({
          type: 'wallet.balance_changed', occurred_at: order.updated_at, account_id: accountId, mode: 'live',
          balance_change: { currency: 'USD', balance_minor: String(1_000_000_000 - sequence * 100), amount_minor: '-100', kind: 'debit', transfer_id: randomUUID() },
        }));
      }
    },
  });
  await nc.flush();

  const logDir = path.join(ROOT, 'tmp', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  if (args.profile) mkdirSync(args.profile, { recursive: true });
  const startGateway = async (main, label, profile) => {
    const entry = path.resolve(main);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: npx nx run gateway:build first`);
    const [port, metricsPort] = await freePorts(2);
    const child = spawn(process.execPath, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []), entry], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: args['log-level'],
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        METRICS_HOST: '127.0.0.1',
        NATS_URL,
        NATS_SUBJECT_PREFIX: prefix,
        // Read only by GET /health, which this bench never asks.
        DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        JWT_SECRET: randomBytes(32).toString('hex'),
        SHUTDOWN_GRACE_MS: '500',
        RATE_LIMIT_RECHARGES_PER_MINUTE: '1000000',
        RATE_LIMIT_API_PER_MINUTE: '10000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(path.join(logDir, `${label}-${prefix}log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return { label, port, child, pid: child.pid };
  };
  const servers = [];
  const bare = spawn(process.execPath, [fileURLToPath(import.meta.url), '--bare-server', ordersSubject], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const barePort = await new Promise((resolve, reject) => {
    bare.once('message', (m) => resolve(m.port));
    bare.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  servers.push({ label: 'bare', port: barePort, child: bare, pid: bare.pid });
  servers.push(await startGateway(args.gateway, 'gateway', args.profile));
  if (args.compare) servers.push(await startGateway(args.compare, 'compare'));

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  const post = (port, body) => requestJson(`http://127.0.0.1:${port}/api/v1/orders`, { agent, body, headers: { authorization: `Api-Key ${key}` } });
  const order = async (port) => {
    const { status, body } = await post(port, { product_id: 100, target: '0772279099', amount: 1, agent_reference: randomUUID() });
    return status === 200 && body.status === 'success' ? 'success' : `${status} ${body.code ?? body.status}`;
  };

  async function load({ port, pid }, seconds) {
    const outcomes = {};
    let ok = 0;
    let sent = 0;
    const cpuBefore = cpuMs(pid);
    const from = process.hrtime.bigint() / 1000n;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const rate = Number(args.rate);
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        if (rate > 0) {
          // The next slot of the schedule; a client behind it sends at once.
          const due = started + (sent++ * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= deadline) break;
        }
        const outcome = await order(port).catch((error) => `error: ${error.message}`.slice(0, 200));
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === 'success') ok++;
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    const to = process.hrtime.bigint() / 1000n;
    return { perSecond: ok / elapsed, cpuPerRequest: (cpuMs(pid) - cpuBefore) / ok, outcomes, window: { from: Number(from), to: Number(to) } };
  }

  try {
    for (const server of servers.slice(1)) await waitForOrder(() => order(server.port));
    // Every server warm (JIT, the key in the gateway's cache) before anything is counted.
    for (const server of servers) await load(server, Number(args.warmup));
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const results = {};
      // Each round in turn, so that drift on a shared machine touches every server alike.
      for (const server of round % 2 ? servers : [...servers].reverse()) results[server.label] = await load(server, SECONDS);
      rounds.push(results);
    }
    const fmt = (r) => `${r.perSecond.toFixed(0).padStart(6)}/s ${r.cpuPerRequest.toFixed(3).padStart(6)} ms CPU/req`;
    const offered = Number(args.rate) > 0 ? `${args.rate} requests/s offered` : 'closed loop';
    const events = EVENTS > 0 ? `, ${EVENTS} order events + 1 wallet event per order on JetStream` : '';
    console.log(`\nPOST /api/v1/orders, gateway alone (stand-in orders and identity on NATS${events}), ${SECONDS}s phases, ${CONCURRENCY} concurrent keep-alive clients (${offered}), LOG_LEVEL=${args['log-level']}`);
    console.log(`  gateway: ${path.relative(ROOT, path.resolve(args.gateway))}${args.compare ? `   compare: ${path.relative(ROOT, path.resolve(args.compare))}` : ''}\n`);
    const labels = servers.map((s) => s.label);
    rounds.forEach((results, i) => {
      const ratios = labels.slice(1).map((l) => `${l}/bare ${(results[l].cpuPerRequest / results.bare.cpuPerRequest).toFixed(2)}`).join('  ');
      console.log(`  round ${String(i + 1).padEnd(3)} ${labels.map((l) => `${l} ${fmt(results[l])}`).join('   ')}   ${ratios}`);
    });
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const summary = Object.fromEntries(labels.map((l) => [l, { perSecond: mean(rounds.map((r) => r[l].perSecond)), cpuPerRequest: mean(rounds.map((r) => r[l].cpuPerRequest)) }]));
    console.log(`\n  mean      ${labels.map((l) => `${l} ${fmt(summary[l])}`).join('   ')}   ${labels.slice(1).map((l) => `${l}/bare ${(summary[l].cpuPerRequest / summary.bare.cpuPerRequest).toFixed(2)}`).join('  ')}`);
    if (args.compare) {
      // Rounds differ by 10-20% on this kind of shared 2-core machine: the median of each round's own
      // ratio and its range say how far to trust the mean. Run the same build as both (an A/A) to see the floor.
      const ratios = rounds.map((r) => r.compare.cpuPerRequest / r.gateway.cpuPerRequest).sort((a, b) => a - b);
      const median = ratios[Math.floor(ratios.length / 2)] * (ratios.length % 2 ? 1 : 0.5) + (ratios.length % 2 ? 0 : ratios[ratios.length / 2 - 1] * 0.5);
      console.log(`  compare/gateway CPU per request: ${(summary.compare.cpuPerRequest / summary.gateway.cpuPerRequest).toFixed(3)} (means); per round median ${median.toFixed(3)}, range ${ratios[0].toFixed(3)}-${ratios.at(-1).toFixed(3)}`);
    }
    console.log(`  identity asked ${verifications} time(s) for the key (then each gateway's cache answers)`);
    for (const [name] of jsm ? streams : []) {
      const { state } = await jsm.streams.info(name);
      const delivered = [];
      for await (const consumer of await jsm.consumers.list(name)) delivered.push(consumer.delivered.stream_seq);
      console.log(`  ${name}: ${state.messages} events; the gateways' feeds had read up to ${delivered.join(', ') || 'nothing'}`);
    }
    console.log('');
    const failures = rounds.flatMap((r) => labels.flatMap((l) => Object.keys(r[l].outcomes).filter((o) => o !== 'success').map((o) => `${l}: ${o}`)));
    if (failures.length) {
      console.log(`  FAILED requests: ${[...new Set(failures)].join(', ')}`);
      process.exitCode = 1;
    }
    // profile-summary reads one window: from the first gateway phase to the last (other phases cost the gateway nothing).
    if (args.profile) {
      const windows = rounds.map((r) => r.gateway.window);
      writeFileSync(path.join(args.profile, 'window.json'), JSON.stringify({ from: Math.min(...windows.map((w) => w.from)), to: Math.max(...windows.map((w) => w.to)) }));
    }
  } finally {
    agent.destroy();
    await Promise.all(servers.map((s) => stop(s.child)));
    for (const [name] of jsm ? streams : []) await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
    if (args.profile) console.log(`profile in ${args.profile}: node tools/bench/profile-summary.mjs ${args.profile}`);
  }
}

/** What the orders service answers for a new order that succeeded at once (the size of a real one). */
function orderView(data, n) {
  const now = new Date().toISOString();
  return {
    id: randomUUID(), agent_reference: data.agent_reference, status: 'success', mode: data.mode, product_id: data.product_id, kind: 'airtime',
    country: 'ZW', network: 'Econet', target: `263${String(data.target).slice(1)}`, currency: 'USD', amount: '1.00', amount_minor: '100',
    provider_ref: `SIM-${n}`, pin: null, serial: null, ussd: null, token: null, customer_name: null, error_code: null, message: 'Recharge successful',
    custom_sms: data.custom_sms ?? null, batch_id: null, needs_attention: false,
    attempts: [{ upstream: 'omega', status: 'success', provider_ref: `SIM-${n}`, error_code: null, message: 'Recharge successful', at: now }],
    created_at: now, updated_at: now,
  };
}

// CPU time of a process in ms, from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms).
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function waitForOrder(send, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    last = await send().catch((error) => error.message);
    if (last === 'success') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the gateway did not take an order in ${timeoutMs} ms: ${last}`);
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function freePorts(count) {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
