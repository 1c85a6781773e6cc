// Debits per second and latency through the wallet service over NATS, beside the same ledger
// transaction issued straight to PostgreSQL, on this machine. It starts its own wallet service from
// the build on a throw-away database and subject prefix, so it never touches a running stack.
//
//   npx nx run wallet:build && node tools/bench/wallet-debits.mjs [--seconds 10] [--concurrency 32] [--wallets 64]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { ClientProxyFactory, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    wallets: { type: 'string', default: '64' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const WALLETS = Number(args.wallets);
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** Runs `op` from CONCURRENCY workers for SECONDS; returns throughput and latency percentiles. */
async function load(op) {
  const latencies = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try { await op(worker, i); latencies.push(performance.now() - t0); } catch { failures++; }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ok: latencies.length, failures };
}

const entry = path.join(ROOT, 'dist/apps/wallet/main.js');
if (!existsSync(entry)) throw new Error('build the wallet first: npx nx run wallet:build');

const database = `airtime_bench_${randomBytes(4).toString('hex')}`;
const prefix = `bench${randomBytes(4).toString('hex')}.`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
await admin(`CREATE DATABASE "${database}"`);
const wallet = spawn(process.execPath, [entry], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl, NATS_URL, NATS_SUBJECT_PREFIX: prefix, SHUTDOWN_GRACE_MS: '0', TOPUP_SWEEP_SECONDS: '0' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

const client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [NATS_URL] } });
const request = (subject, data) => firstValueFrom(client.send(`${prefix}${subject}`, new NatsRecordBuilder(data).setHeaders(natsHeaders()).build()));

try {
  for (let tries = 0; ; tries++) {
    try { await request('wallet.health', {}); break; } catch (error) {
      if (tries > 100) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // Wallets funded far beyond what the run can spend, so every debit is a real success.
  const accounts = Array.from({ length: WALLETS }, () => randomUUID());
  for (const account of accounts) {
    await request('wallet.transfers.credit', { idempotency_key: `fund:${account}`, account_id: account, mode: 'live', currency: 'USD', amount_minor: '100000000000', kind: 'topup', source: 'bench' });
  }

  const viaService = await load((worker, i) =>
    request('wallet.transfers.debit', {
      idempotency_key: `svc:${worker}:${i}:${randomUUID()}`,
      account_id: accounts[(worker + i) % accounts.length],
      mode: 'live', currency: 'USD', amount_minor: '1',
    }),
  );

  // The debit written out as a client-side transaction: insert the transfer, take the money with a
  // conditional update, write both entries, commit (the ledger's triggers run as always).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.min(CONCURRENCY, 16), options: '-c search_path=wallet' });
  const { rows: [clearing] } = await pool.query(`SELECT id FROM ledger_accounts WHERE code = 'clearing:orders:USD:live'`)
    .then((r) => (r.rows.length ? r : pool.query(`INSERT INTO ledger_accounts (code, kind, currency, mode) VALUES ('clearing:orders:USD:live', 'clearing', 'USD', 'live') RETURNING id`)));
  const bare = await load(async (worker, i) => {
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      const account = accounts[(worker + i) % accounts.length];
      const { rows: [t] } = await db.query(
        `INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount)
         VALUES ($1, repeat('0', 64), 'debit', $2, 'live', 'USD', 1) ON CONFLICT DO NOTHING RETURNING id`,
        [`sql:${worker}:${i}:${randomUUID()}`, account],
      );
      const { rows: [w] } = await db.query(
        `UPDATE ledger_accounts SET balance = balance - 1, updated_at = now()
          WHERE kind = 'wallet' AND owner_account_id = $1 AND currency = 'USD' AND mode = 'live' AND balance >= 1 RETURNING id, balance`,
        [account],
      );
      await db.query(
        `INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after) VALUES ($1, $2, -1, $3), ($1, $4, 1, NULL)`,
        [t.id, w.id, w.balance, clearing.id],
      );
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  });
  // The service's own single round trip, called directly.
  const direct = await load((worker, i) =>
    pool.query(`SELECT * FROM ledger_debit($1, repeat('0', 64), $2, 'live', 'USD', 1, NULL, NULL, $3)`, [
      `fn:${worker}:${i}:${randomUUID()}`, accounts[(worker + i) % accounts.length], clearing.id,
    ]),
  );
  await pool.end();

  const fmt = (r) => `${r.perSecond.toFixed(0).padStart(6)} debits/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   (${r.ok} ok, ${r.failures} failed)`;
  console.log(`\nWallet debits, ${SECONDS}s each, ${CONCURRENCY} concurrent, ${WALLETS} wallets\n`);
  console.log(`  through the wallet service over NATS  ${fmt(viaService)}`);
  console.log(`  bare SQL: SELECT ledger_debit(...)     ${fmt(direct)}`);
  console.log(`  bare SQL: the same as 5 statements    ${fmt(bare)}`);
  console.log(`\n  service / bare ledger_debit(): ${(viaService.perSecond / direct.perSecond).toFixed(2)}`);
  console.log(`  service / bare 5-statement transaction: ${(viaService.perSecond / bare.perSecond).toFixed(2)}\n`);
} finally {
  await client.close();
  wallet.kill('SIGTERM');
  await new Promise((r) => wallet.once('exit', r));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
