// Orders per second and latency of POST /api/v1/orders through the gateway to the order's final
// state, against the simulators (instant success), on a platform of its own; then the ledger is
// checked for consistency, and the wallet-only debit rate is measured in the same run, so that the
// cost of each hop is visible.
//
//   npx nx run-many -t build && node tools/bench/orders.mjs [--seconds 10] [--concurrency 16]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { ClientProxyFactory, NatsRecordBuilder, Transport } from '@nestjs/microservices';
import { generate } from 'otplib';
import { firstValueFrom } from 'rxjs';
import { startPlatform } from '../../apps/platform-e2e/src/support/platform-processes.js';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' } } });
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function load(op) {
  const latencies = [];
  const outcomes = {};
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      const outcome = await op(worker, i).catch((error) => `error: ${error.message}`);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'success') latencies.push(performance.now() - t0);
    }
  }));
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), outcomes };
}

const platform = await startPlatform({ label: 'bench', env: { LOG_LEVEL: 'error', RECONCILE_INTERVAL_SECONDS: '0', RATE_LIMIT_RECHARGES_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', RATE_LIMIT_CALLBACKS_PER_MINUTE: '0' } });
const { gatewayUrl, simUrl, subjectPrefix, operatorPhones, operatorTotpSecrets } = platform.state;
const api = async (method, path, body, auth) => {
  const response = await fetch(`${gatewayUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: body && JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};
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

const client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [process.env.NATS_URL ?? 'nats://127.0.0.1:4222'] } });
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

  const orders = await load(async () => {
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

  const walletOnly = await load(async (worker, i) => {
    await firstValueFrom(client.send(`${subjectPrefix}wallet.transfers.debit`, new NatsRecordBuilder({
      idempotency_key: `bench:${worker}:${i}:${randomUUID()}`, account_id: accountId, mode: 'live', currency: 'USD', amount_minor: '1',
    }).setHeaders(natsHeaders()).build()));
    return 'success';
  });

  const fmt = (r) => `${r.perSecond.toFixed(0).padStart(5)}/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;
  console.log(`\nOrders, ${SECONDS}s, ${CONCURRENCY} concurrent clients, instant upstream success\n`);
  console.log(`  POST /api/v1/orders to final state  ${fmt(orders)}   outcomes ${JSON.stringify(orders.outcomes)}`);
  console.log(`  wallet debit alone over NATS        ${fmt(walletOnly)}   (one hop of the order's five)`);
  console.log(`\n  ledger after the run: balance ${balance}, entries sum ${sum}, debits ${debits}: ${consistent ? 'consistent' : 'INCONSISTENT'}\n`);
  if (!consistent) process.exitCode = 1;
} finally {
  await client.close();
  await platform.stopAll();
}
