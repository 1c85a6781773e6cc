// One process of the bare order path (see skeleton.mjs): the same hops, commits and events as an
// order of the platform, with nothing but the least each step needs (node:http, nats.js, pg, JSON).
// No framework, no validation library, no ORM, no logging, no metrics: what is left is what the
// architecture itself costs.
//
//   node tools/bench/skeleton-worker.mjs <gateway|orders|wallet|provider-adapters|provider-sim|notifications>
//
// Settings come from the environment the parent gives: SK_DATABASE_URL, SK_NATS_URL, SK_PREFIX (the
// subjects' and streams' prefix), SK_SIM_URL for provider-adapters, and SK_ALSO: the other roles this
// process hosts (a topology with fewer processes: a role hosted here is called in-process, not over
// NATS). Each prints one line of JSON ({"ready":true,...}) once it serves.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { readJson, requestJson, sendJson } from './http-json.mjs';

const role = process.argv[2];
const hosted = new Set([role, ...(process.env.SK_ALSO ? process.env.SK_ALSO.split(',') : [])]);
/** A role's handler in this process, when hosted here; otherwise the role is asked over NATS. */
const local = new Map();
const P = process.env.SK_PREFIX;
const STREAM = (name) => `${P.replace(/\W/g, '_')}${name}`.toUpperCase();
const pool = new pg.Pool({ connectionString: process.env.SK_DATABASE_URL, max: 10, idleTimeoutMillis: 0, options: '-c search_path=skeleton' });
const nc = await connect({ servers: [process.env.SK_NATS_URL], name: `skeleton-${role}`, noAsyncTraces: true });
const ready = (extra = {}) => console.log(JSON.stringify({ ready: true, role, ...extra }));

const query = async (name, text, values) => (await pool.query({ name, text, values })).rows;
/**
 * SK_GROUP=1: group commit. Writes that arrive while one is being committed go together, as one
 * multi-row statement and one commit (natural batching, two batches in flight at most); each caller
 * gets its own row back.
 */
const GROUP = process.env.SK_GROUP === '1';
function batcher(run, max = 50, inFlight = 2) {
  const queue = [];
  let running = 0;
  const pump = () => {
    while (running < inFlight && queue.length) {
      const batch = queue.splice(0, max);
      running++;
      run(batch.map((b) => b.item))
        .then((results) => batch.forEach((b, i) => b.resolve(results[i])), (error) => batch.forEach((b) => b.reject(error)))
        .finally(() => { running--; pump(); });
    }
  };
  return (item) => new Promise((resolve, reject) => { queue.push({ item, resolve, reject }); pump(); });
}
/** Rows returned by a multi-row statement, put back in the order of the items by a key. */
const byKey = (items, rows, itemKey, rowKey) => {
  const map = new Map(rows.map((r) => [String(r[rowKey]), r]));
  return items.map((item) => map.get(String(item[itemKey])));
};
const columns = (items, keys) => keys.map((k) => items.map((item) => item[k]));
/** Nest's wire format for a request and its reply, so the bytes on the wire are the platform's. */
const request = async (subject, data, timeout = 10_000) => {
  const here = local.get(subject);
  if (here) return here(data);
  const reply = (await nc.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout })).json();
  if (reply.err) throw new Error(JSON.stringify(reply.err));
  return reply.response;
};
/** Serves a subject over NATS, or in-process when its caller is hosted here too. */
const handle = (subject, fn) => {
  local.set(subject, fn);
  serve(subject, fn);
};
const serve = (subject, handle) => nc.subscribe(subject, {
  queue: subject,
  callback: (_error, msg) => {
    const { data, id } = msg.json();
    handle(data).then(
      (response) => msg.respond(JSON.stringify({ response, isDisposed: true, id })),
      (error) => msg.respond(JSON.stringify({ err: { code: 'INTERNAL', message: error.message }, isDisposed: true, id })),
    );
  },
});

/** The outbox relay: coalesced nudges, one transaction of two round trips per batch, acked publishes only marked. */
async function relay(table, name, subjectOf) {
  const manager = await jetstreamManager(nc);
  await manager.streams.add({ name: STREAM(name), subjects: [`${P}${name}.events.>`] });
  const js = jetstream(nc);
  let pending, flushing, again = false;
  const flush = async () => {
    const client = await pool.connect();
    try {
      const [, { rows }] = await client.query(`BEGIN; SELECT * FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`);
      await Promise.all(rows.map((row) => js.publish(`${P}${name}.events.${subjectOf(row)}`, JSON.stringify({ id: row.event_id, ...row.payload }), { msgID: row.event_id })));
      await client.query(rows.length ? `UPDATE ${table} SET published_at = now() WHERE id = ANY('{${rows.map((r) => r.id).join(',')}}'::bigint[]); COMMIT` : 'COMMIT');
    } finally {
      client.release();
    }
  };
  const nudge = () => {
    if (flushing) { again = true; return; }
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      flushing = flush().catch(() => undefined).finally(() => {
        flushing = undefined;
        if (again) { again = false; nudge(); }
      });
    }, 5);
  };
  setInterval(nudge, 1000);
  return nudge;
}

if (hosted.has('wallet')) {
  const nudge = await relay('wallet_outbox', 'wallet', (row) => `${row.payload.account_id}.balance_changed`);
  const keys = ['idempotency_key', 'account_id', 'amount_minor', 'order_id', 'description', 'event'];
  const debitMany = batcher(async (items) => {
    const rows = await query('sk_debit_many', 'SELECT * FROM debit_many($1, $2, $3, $4, $5, $6)', columns(items, keys));
    return byKey(items.map((item, i) => ({ n: i + 1 })), rows, 'n', 'n');
  });
  handle(`${P}wallet.debit`, async (req) => {
    const item = { ...req, event: JSON.stringify({ type: 'wallet.balance_changed', account_id: req.account_id, mode: req.mode }) };
    const [result] = GROUP ? [await debitMany(item)] : await query('sk_debit', 'SELECT * FROM debit($1, $2, $3, $4, $5, $6)', keys.map((k) => item[k]));
    if (result.outcome !== 'debited' && result.outcome !== 'replay') throw new Error(result.outcome);
    nudge();
    return { transfer_id: result.transfer_id, balance_minor: String(result.balance_after), currency: 'USD' };
  });
}
if (hosted.has('provider-adapters')) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const call = async (body) => (await requestJson(`${process.env.SK_SIM_URL}/recharge`, { agent, body })).body;
  const sendingMany = batcher(async (items) => {
    await query('sk_sending_many', `INSERT INTO dispatches (reference, upstream, request, status) SELECT u.reference, u.upstream, u.request, 'sending'
      FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u (reference, upstream, request) ON CONFLICT (reference) DO NOTHING`, columns(items, ['reference', 'upstream', 'request']));
    return items;
  });
  const sentMany = batcher(async (items) => {
    await query('sk_sent_many', `UPDATE dispatches d SET status = u.status, outcome = u.outcome, updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u (reference, status, outcome) WHERE d.reference = u.reference`, columns(items, ['reference', 'status', 'outcome']));
    return items;
  });
  handle(`${P}provider-adapters.dispatch`, async (req) => {
    // The record before the call (so a lost answer is queried, never sent twice) and its outcome after.
    if (GROUP) await sendingMany({ reference: req.reference, upstream: req.upstream, request: JSON.stringify(req) });
    else await query('sk_sending', `INSERT INTO dispatches (reference, upstream, request, status) VALUES ($1, $2, $3::jsonb, 'sending') ON CONFLICT (reference) DO NOTHING`, [req.reference, req.upstream, JSON.stringify(req)]);
    const answer = await call({ reference: req.reference, msisdn: req.target, amount: req.amount_minor });
    const outcome = { reference: req.reference, status: answer.status === 'OK' ? 'success' : 'failed', provider_ref: answer.ref };
    if (GROUP) await sentMany({ reference: req.reference, status: outcome.status, outcome: JSON.stringify(outcome) });
    else await query('sk_sent', `UPDATE dispatches SET status = $2, outcome = $3::jsonb, updated_at = now() WHERE reference = $1`, [req.reference, outcome.status, JSON.stringify(outcome)]);
    return outcome;
  });
}
if (hosted.has('orders')) {
  const nudge = await relay('order_outbox', 'orders', (row) => `${row.payload.order.account_id}.${row.payload.order.status}`);
  const view = (o) => ({ id: o.id, agent_reference: o.agent_reference, status: o.status === 'success' ? 'success' : 'pending', product_id: o.product_id, target: o.target, amount: o.amount_minor, currency: o.currency, provider_ref: o.provider_ref, created_at: o.created_at, updated_at: o.updated_at });
  const event = (o) => JSON.stringify({ type: `order.${o.status}`, occurred_at: new Date().toISOString(), order: view(o) });
  const transitionMany = batcher(async (items) => byKey(items, await query('sk_transition_many',
    `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::text[], $6::jsonb[], $7::bool[]) AS u (id, status, attempts, provider_ref, from_status, event, publish)),
          o AS (UPDATE orders SET status = u.status, attempts = u.attempts, provider_ref = u.provider_ref, updated_at = now(), lease_until = CASE WHEN u.status = 'success' THEN NULL ELSE lease_until END
                  FROM u WHERE orders.id = u.id AND orders.status = u.from_status RETURNING orders.*),
          e AS (INSERT INTO order_outbox (event_id, order_id, payload) SELECT gen_random_uuid(), o.id, u.event FROM o JOIN u ON u.id = o.id WHERE u.publish)
     SELECT * FROM o`, columns(items, ['id', 'status', 'attempts', 'provider_ref', 'from', 'event', 'publish'])), 'id', 'id'));
  const transition = async (o, from, to, changes, publish) => {
    if (GROUP) {
      const row = await transitionMany({ id: o.id, status: to, attempts: JSON.stringify(changes.attempts), provider_ref: changes.provider_ref ?? null, from, event: event({ ...o, status: to, ...changes }), publish });
      if (publish) nudge();
      return row;
    }
    const [row] = await query('sk_transition',
      `WITH o AS (UPDATE orders SET status = $2, attempts = $3::jsonb, provider_ref = $4, updated_at = now(), lease_until = CASE WHEN $2 = 'success' THEN NULL ELSE lease_until END
                   WHERE id = $1 AND status = $5 RETURNING *),
            e AS (INSERT INTO order_outbox (event_id, order_id, payload) SELECT gen_random_uuid(), o.id, $6::jsonb FROM o WHERE $7)
       SELECT * FROM o`,
      [o.id, to, JSON.stringify(changes.attempts), changes.provider_ref ?? null, from, event({ ...o, status: to, ...changes }), publish]);
    if (publish) nudge();
    return row;
  };
  const insertMany = batcher(async (items) => byKey(items.map((v) => ({ id: v[0] })), await query('sk_insert_many',
    `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bigint[], $9::jsonb[])
                 AS u (id, account_id, mode, agent_reference, request_hash, product_id, target, amount_minor, event)),
          o AS (INSERT INTO orders (id, account_id, mode, agent_reference, request_hash, product_id, kind, country, network, upstream, target, currency, amount_minor, status, lease_until)
                SELECT id, account_id, mode, agent_reference, request_hash, product_id, 'airtime', 'ZW', 'econet', 'sim', target, 'USD', amount_minor, 'created', now() + interval '90 seconds' FROM u
                ON CONFLICT (account_id, mode, agent_reference) DO NOTHING RETURNING *),
          e AS (INSERT INTO order_outbox (event_id, order_id, payload) SELECT gen_random_uuid(), o.id, u.event FROM o JOIN u ON u.id = o.id)
     SELECT * FROM o`, items[0].map((_, k) => items.map((v) => v[k]))), 'id', 'id'));
  handle(`${P}orders.create`, async (req) => {
    if (typeof req.product_id !== 'number' || typeof req.target !== 'string' || typeof req.agent_reference !== 'string') throw new Error('invalid');
    const hash = createHash('sha256').update(JSON.stringify([req.product_id, req.target, String(req.amount)])).digest('hex');
    const id = randomUUID();
    const values = [id, req.account_id, req.mode, req.agent_reference, hash, req.product_id, req.target, Math.round(req.amount * 100), event({ id, ...req, status: 'created' })];
    const [created] = GROUP ? [await insertMany(values)] : await query('sk_insert',
      `WITH o AS (INSERT INTO orders (id, account_id, mode, agent_reference, request_hash, product_id, kind, country, network, upstream, target, currency, amount_minor, status, lease_until)
                   VALUES ($1, $2, $3, $4, $5, $6, 'airtime', 'ZW', 'econet', 'sim', $7, 'USD', $8, 'created', now() + interval '90 seconds')
                   ON CONFLICT (account_id, mode, agent_reference) DO NOTHING RETURNING *),
            e AS (INSERT INTO order_outbox (event_id, order_id, payload) SELECT gen_random_uuid(), o.id, $9::jsonb FROM o)
       SELECT * FROM o`,
      values);
    nudge();
    await request(`${P}wallet.debit`, { idempotency_key: `order:${id}:debit`, account_id: req.account_id, mode: req.mode, currency: 'USD', amount_minor: String(created.amount_minor), order_id: id, description: `airtime econet ${req.target}` });
    const attempts = [{ upstream: 'sim', status: 'sent', at: new Date().toISOString() }];
    const dispatching = await transition(created, 'created', 'dispatching', { attempts }, false);
    const outcome = await request(`${P}provider-adapters.dispatch`, { reference: `AT${id.replace(/-/g, '').slice(0, 20)}`, upstream: 'sim', mode: req.mode, kind: 'airtime', country: 'ZW', network: 'econet', target: req.target, currency: 'USD', amount_minor: String(created.amount_minor) });
    const done = await transition(dispatching, 'dispatching', outcome.status, { attempts: [{ ...attempts[0], status: outcome.status }], provider_ref: outcome.provider_ref }, true);
    return view(done);
  });
}
if (['orders', 'wallet', 'provider-adapters'].includes(role)) {
  ready();
} else if (role === 'gateway') {
  // The API key's hash looked up in memory, as the gateway's cache serves it after the first request.
  const keys = new Map([[createHash('sha256').update(process.env.SK_API_KEY).digest('hex'), { account_id: process.env.SK_ACCOUNT, mode: 'live' }]]);
  const server = http.createServer(async (req, res) => {
    const key = keys.get(createHash('sha256').update(String(req.headers.authorization).slice(8)).digest('hex'));
    if (!key) return sendJson(res, 401, { code: 'UNAUTHENTICATED' });
    try {
      const body = await readJson(req);
      sendJson(res, 201, await request(`${P}orders.create`, { ...body, ...key }));
    } catch (error) {
      sendJson(res, 500, { code: 'INTERNAL', message: error.message });
    }
  });
  server.listen(0, '127.0.0.1', () => ready({ url: `http://127.0.0.1:${server.address().port}` }));
} else if (role === 'provider-sim') {
  let n = 0;
  const server = http.createServer(async (req, res) => {
    const body = await readJson(req);
    sendJson(res, 200, { status: 'OK', ref: `SIM${++n}`, reference: body.reference });
  });
  server.listen(0, '127.0.0.1', () => ready({ url: `http://127.0.0.1:${server.address().port}` }));
} else if (role === 'notifications') {
  // Durable consumers of both streams; what arrives within 5 ms is one INSERT … SELECT (no endpoints
  // exist, as in the bench) and its acks one write.
  const manager = await jetstreamManager(nc);
  const take = async (batch) => {
    await query('sk_enqueue',
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, body)
       SELECT e.id, d.event_id, d.body FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS d (account_id, event_id, body)
         JOIN webhook_endpoints e ON e.account_id = d.account_id
       ON CONFLICT DO NOTHING`,
      [batch.map((m) => m.subject.split('.').at(-2)), batch.map((m) => JSON.parse(m.string()).id), batch.map((m) => m.string())]);
    for (const m of batch) m.ack();
  };
  for (const stream of ['orders', 'wallet']) {
    const name = STREAM(stream);
    for (let i = 0; i < 100; i++) {
      if (await manager.streams.info(name).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await manager.consumers.add(name, { durable_name: 'notifications', ack_policy: AckPolicy.Explicit });
    const consumer = await jetstream(nc).consumers.get(name, 'notifications');
    const arrived = [];
    let taking = false;
    await consumer.consume({
      max_messages: 100,
      callback: (m) => {
        arrived.push(m);
        if (taking) return;
        taking = true;
        setTimeout(async () => {
          while (arrived.length) await take(arrived.splice(0, 100)).catch(() => undefined);
          taking = false;
        }, 5);
      },
    });
  }
  ready();
} else {
  throw new Error(`unknown role ${role}`);
}
process.on('SIGTERM', async () => {
  await nc.drain().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
});
