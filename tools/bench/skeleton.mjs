// The bare order path: what the platform's architecture costs with none of its code. Six processes
// (gateway, orders, wallet, provider-adapters, notifications and an upstream) make, for each order,
// the platform's hops and commits: an HTTP request to the gateway, a NATS request to orders, the
// order's insert with its event, a NATS request to the wallet (one debit function: replay check,
// conditional update, transfer, two entries, its event), the move to `dispatching`, a NATS request to
// provider-adapters (a record, an HTTP call upstream, the record's outcome), the move to the outcome
// with its event; two outbox relays to JetStream and a durable consumer that turns events into
// (no) webhook deliveries. Each step is the least it needs: node:http, nats.js, pg with prepared
// statements, JSON. The orders bench runs it beside the platform, so that "orders / bare order path"
// says how much of the architecture's own ceiling the platform's code reaches on this machine.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'skeleton-worker.mjs');
export const SKELETON_BALANCE = 10_000_000_000n;

const SCHEMA = `
  DROP SCHEMA IF EXISTS skeleton CASCADE;
  CREATE SCHEMA skeleton;
  SET search_path = skeleton;
  CREATE TABLE orders (
    id uuid PRIMARY KEY, seq bigserial, account_id uuid NOT NULL, mode text NOT NULL, agent_reference text NOT NULL, request_hash text NOT NULL,
    product_id int NOT NULL, kind text NOT NULL, country text NOT NULL, network text NOT NULL, upstream text NOT NULL, upstream_product text,
    target text NOT NULL, currency text NOT NULL, amount_minor bigint NOT NULL, custom_sms text, batch_id uuid, status text NOT NULL,
    attempts jsonb NOT NULL DEFAULT '[]', provider_ref text, pin text, serial text, message text, error_code text, needs_attention boolean NOT NULL DEFAULT false,
    lease_until timestamptz, last_checked_at timestamptz, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, mode, agent_reference));
  CREATE INDEX ON orders (account_id, mode, seq);
  CREATE INDEX ON orders (status, updated_at) WHERE status IN ('created', 'dispatching');
  CREATE TABLE order_outbox (id bigserial PRIMARY KEY, event_id uuid NOT NULL, order_id uuid NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
  CREATE INDEX ON order_outbox (id) WHERE published_at IS NULL;
  CREATE TABLE wallets (id uuid PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0), updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE transfers (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), idempotency_key text NOT NULL UNIQUE, amount bigint NOT NULL, order_id uuid, description text, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE entries (id bigserial PRIMARY KEY, transfer_id uuid NOT NULL REFERENCES transfers, wallet_id uuid NOT NULL, amount bigint NOT NULL, balance_after bigint, created_at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX ON entries (wallet_id, id);
  CREATE TABLE wallet_outbox (id bigserial PRIMARY KEY, event_id uuid NOT NULL, account_id uuid NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
  CREATE INDEX ON wallet_outbox (id) WHERE published_at IS NULL;
  CREATE FUNCTION debit(p_key text, p_wallet uuid, p_amount bigint, p_order uuid, p_description text, p_event jsonb)
    RETURNS TABLE (outcome text, transfer_id uuid, balance_after bigint) LANGUAGE plpgsql AS $$
  DECLARE v_transfer uuid; v_balance bigint;
  BEGIN
    SELECT t.id INTO v_transfer FROM transfers t WHERE t.idempotency_key = p_key;
    IF FOUND THEN RETURN QUERY SELECT 'replay', v_transfer, NULL::bigint; RETURN; END IF;
    UPDATE wallets SET balance = balance - p_amount, updated_at = now() WHERE id = p_wallet AND balance >= p_amount RETURNING balance INTO v_balance;
    IF NOT FOUND THEN RETURN QUERY SELECT 'insufficient', NULL::uuid, NULL::bigint; RETURN; END IF;
    INSERT INTO transfers (idempotency_key, amount, order_id, description) VALUES (p_key, p_amount, p_order, p_description) RETURNING id INTO v_transfer;
    INSERT INTO entries (transfer_id, wallet_id, amount, balance_after) VALUES (v_transfer, p_wallet, -p_amount, v_balance), (v_transfer, '00000000-0000-0000-0000-000000000000', p_amount, NULL);
    INSERT INTO wallet_outbox (event_id, account_id, payload) VALUES (gen_random_uuid(), p_wallet, p_event || jsonb_build_object('balance_after', v_balance::text));
    RETURN QUERY SELECT 'debited', v_transfer, v_balance;
  END $$;
  CREATE FUNCTION debit_many(p_keys text[], p_wallets uuid[], p_amounts bigint[], p_orders uuid[], p_descriptions text[], p_events jsonb[])
    RETURNS TABLE (n int, outcome text, transfer_id uuid, balance_after bigint) LANGUAGE plpgsql AS $$
  BEGIN
    FOR i IN 1 .. array_length(p_keys, 1) LOOP
      n := i;
      RETURN QUERY SELECT i, d.outcome, d.transfer_id, d.balance_after FROM debit(p_keys[i], p_wallets[i], p_amounts[i], p_orders[i], p_descriptions[i], p_events[i]) d;
    END LOOP;
  END $$;
  CREATE TABLE dispatches (reference text PRIMARY KEY, upstream text NOT NULL, request jsonb NOT NULL, status text NOT NULL, outcome jsonb, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE webhook_endpoints (id uuid PRIMARY KEY, account_id uuid NOT NULL, url text NOT NULL);
  CREATE INDEX ON webhook_endpoints (account_id);
  CREATE TABLE webhook_deliveries (id bigserial PRIMARY KEY, endpoint_id uuid NOT NULL, event_id uuid NOT NULL, body text NOT NULL, UNIQUE (endpoint_id, event_id));
`;

/**
 * Starts the bare order path on the given database (its own schema, `skeleton`) and NATS (its own
 * subjects and streams). Returns the gateway's URL, an API key and the account, each process's pid,
 * a ledger check and stop().
 */
/**
 * Which process hosts which role. `services` is the platform's; the others are the architecture
 * changes docs/performance.md weighs: provider-adapters' dispatch inside orders, and the whole
 * synchronous path (gateway, orders, wallet, dispatch) in one process, each with the same commits and
 * events as before.
 */
export const TOPOLOGIES = {
  services: { gateway: [], orders: [], wallet: [], 'provider-adapters': [] },
  'dispatch-in-orders': { gateway: [], orders: ['provider-adapters'], wallet: [] },
  'one-process': { gateway: ['orders', 'wallet', 'provider-adapters'] },
};

export async function startSkeleton({ databaseUrl, natsUrl, prefix = `sk${process.pid}.`, topology = 'services', group = false }) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const account = randomUUID();
  const apiKey = `sk_live_${randomBytes(16).toString('hex')}`;
  await admin.query(SCHEMA);
  await admin.query('INSERT INTO skeleton.wallets (id, balance) VALUES ($1, $2)', [account, SKELETON_BALANCE.toString()]);
  const children = [];
  const env = { ...process.env, SK_DATABASE_URL: databaseUrl, SK_NATS_URL: natsUrl, SK_PREFIX: prefix, SK_API_KEY: apiKey, SK_ACCOUNT: account, SK_GROUP: group ? '1' : '0' };
  const start = (role, extra = {}) => new Promise((resolve, reject) => {
    const also = TOPOLOGIES[topology][role] ?? [];
    const child = spawn(process.execPath, [WORKER, role], { env: { ...env, ...extra, SK_ALSO: also.join(',') }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.once('exit', (code) => reject(new Error(`skeleton ${role} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ ...JSON.parse(line), pid: child.pid }));
  });
  try {
    const sim = await start('provider-sim');
    env.SK_SIM_URL = sim.url;
    // Relays (which create the streams) before notifications; the gateway last.
    const roles = Object.keys(TOPOLOGIES[topology]).filter((r) => r !== 'gateway');
    const middle = await Promise.all(roles.map((r) => start(r)));
    const gateway = await start('gateway');
    const notifications = await start('notifications');
    const pids = Object.fromEntries([gateway, ...middle, notifications, sim].map((p) => [`bare ${[p.role, ...(TOPOLOGIES[topology][p.role] ?? [])].join('+')}`, p.pid]));
    return {
      url: gateway.url,
      apiKey,
      pids,
      /** Every order succeeded with one debit, and the balance plus the debits' entries is what it started with. */
      async check() {
        const { rows: [r] } = await admin.query(`SELECT (SELECT balance FROM skeleton.wallets WHERE id = $1) AS balance,
          (SELECT count(*)::int FROM skeleton.transfers) AS debits, (SELECT coalesce(sum(amount), 0) FROM skeleton.entries WHERE wallet_id = $1) AS moved,
          (SELECT count(*)::int FROM skeleton.orders) AS orders, (SELECT count(*)::int FROM skeleton.orders WHERE status = 'success') AS succeeded`, [account]);
        return BigInt(r.balance) - BigInt(r.moved) === SKELETON_BALANCE && r.debits === r.orders && r.succeeded === r.orders;
      },
      async stop() {
        for (const child of children) {
          child.removeAllListeners('exit');
          child.kill('SIGTERM');
        }
        await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
        const nc = await connect({ servers: [natsUrl] });
        const manager = await jetstreamManager(nc);
        for (const name of ['orders', 'wallet']) await manager.streams.delete(`${prefix.replace(/\W/g, '_')}${name}`.toUpperCase()).catch(() => undefined);
        await nc.close();
        await admin.query('DROP SCHEMA IF EXISTS skeleton CASCADE');
        await admin.end();
      },
    };
  } catch (error) {
    for (const child of children) {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
    }
    await admin.end();
    throw error;
  }
}
