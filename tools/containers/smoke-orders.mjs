// The part of tools/containers/smoke.sh that talks to the stack, through the gateway only (and the simulator's SMS
// inbox for PINs): onboards a tenant and an operator, funds the tenant's wallet by an operator credit, sends
// SMOKE_ORDERS orders, stops one orders replica (SMOKE_STOP_CONTAINER) when half have been sent, and checks that
// every order reaches a final state and that the ledger adds up. Exits non-zero when anything is off.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { generate } from 'otplib';

const gateway = process.env.GATEWAY_URL;
const sim = process.env.SIM_URL;
const ORDERS = Number(process.env.SMOKE_ORDERS ?? 60);
const CONCURRENCY = Number(process.env.SMOKE_CONCURRENCY ?? 6);
const FINAL = new Set(['success', 'failed', 'refunded', 'reversed']);
const log = (message) => console.log(`smoke: ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(method, path, body, auth) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

async function onboard(phone, name, otpSecret) {
  const seen = (await (await fetch(`${sim}/sim/sms?to=${phone}`)).json()).length;
  const created = await api('POST', '/api/v1/onboarding/accounts', {
    name, type: 'company', level: 'agent', contact_name: name, contact_email: 'smoke@example.com', contact_phone: phone,
    address: '1 Smoke Road', city: 'Harare', user_firstname: 'Smoke', user_lastname: 'Test', user_email: 'smoke@example.com', user_phone: phone,
  });
  if (created.status !== 200) throw new Error(`onboarding ${phone}: ${created.status} ${JSON.stringify(created.body)}`);
  for (let i = 0; i < 300; i++) {
    const inbox = await (await fetch(`${sim}/sim/sms?to=${phone}`)).json();
    const pin = inbox.length > seen ? /is (\d+)\./.exec(inbox[0]?.message ?? '')?.[1] : undefined;
    if (pin) {
      const login = await api('POST', '/auth/pin-authentication', { phone, pin, ...(otpSecret ? { otp: await generate({ secret: otpSecret }) } : {}) });
      if (login.status !== 200) throw new Error(`login ${phone}: ${login.status} ${JSON.stringify(login.body)}`);
      return login.body.data.token;
    }
    await sleep(100);
  }
  throw new Error(`no PIN SMS for ${phone} in the simulator's inbox`);
}

/** POST the order, again with the same body while the platform cannot answer (idempotent on agent_reference). */
async function place(key, reference) {
  const body = { product_id: 100, target: '0772279099', amount: 1, agent_reference: reference };
  let last = '';
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const answer = await api('POST', '/api/v1/orders', body, `Api-Key ${key}`);
      if (answer.status === 200) return { retries: attempt, order: answer.body };
      last = `${answer.status} ${JSON.stringify(answer.body)}`;
      if (answer.status < 500 && answer.status !== 429) throw new Error(`order ${reference}: ${last}`);
    } catch (error) {
      if (String(error.message).startsWith(`order ${reference}`)) throw error;
      last = error.message;
    }
    await sleep(1000);
  }
  throw new Error(`order ${reference} was never accepted: ${last}`);
}

async function finalState(key, reference, order) {
  const deadline = Date.now() + 180_000;
  while (!FINAL.has(order?.status)) {
    if (Date.now() > deadline) throw new Error(`order ${reference} still ${order?.status} after 3 minutes`);
    await sleep(1000);
    const answer = await api('GET', `/api/v1/orders/${reference}`, undefined, `Api-Key ${key}`).catch(() => undefined);
    if (answer?.status === 200) order = answer.body;
  }
  return order;
}

const started = performance.now();
const tenant = await onboard('0771230001', 'Smoke Shop');
const accountId = (await api('GET', '/auth/user', undefined, `Bearer ${tenant}`)).body.data.account_id;
const key = (await api('POST', '/api/v1/api-keys', { name: 'smoke' }, `Bearer ${tenant}`)).body.data.key;
const operator = await onboard(process.env.OPERATOR_PHONE, 'Smoke Operator', process.env.OPERATOR_TOTP);
const FUNDED = 100_000_000n;
const fund = await api('POST', '/graphql', {
  query: 'mutation($i: CreditWalletInput!) { creditWallet(input: $i) { transfer { id } } }',
  variables: { i: { accountId, currency: 'USD', amountMinor: String(FUNDED), reason: 'container smoke test float', idempotencyKey: randomUUID() } },
}, `Bearer ${operator}`);
if (fund.status !== 200 || fund.body.errors) throw new Error(`operator credit: ${JSON.stringify(fund.body)}`);
log(`tenant and operator onboarded, wallet funded by an operator credit (${((performance.now() - started) / 1000).toFixed(1)}s)`);

let sent = 0;
let stopping;
const results = [];
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (sent < ORDERS) {
    const n = sent++;
    if (n === Math.floor(ORDERS / 2) && process.env.SMOKE_STOP_CONTAINER) {
      log(`${n} orders sent: stopping orders replica ${process.env.SMOKE_STOP_CONTAINER.slice(0, 12)} (SIGTERM, it drains)`);
      stopping = promisify(execFile)(process.env.SMOKE_DOCKER ?? 'docker', ['stop', '-t', '20', process.env.SMOKE_STOP_CONTAINER]);
    }
    const reference = `smoke-${n}-${randomUUID()}`;
    const placed = await place(key, reference);
    results.push({ reference, retries: placed.retries, order: await finalState(key, reference, placed.order) });
  }
}));
if (stopping) {
  await stopping;
  log('the stopped orders replica has exited');
}

const byStatus = {};
for (const r of results) byStatus[r.order.status] = (byStatus[r.order.status] ?? 0) + 1;
const retried = results.filter((r) => r.retries > 0).length;
log(`${results.length} orders final in ${((performance.now() - started) / 1000).toFixed(1)}s: ${JSON.stringify(byStatus)}; ${retried} needed a retry of the same request`);

// The ledger: balance = sum of its entries = the credit less what the orders took; one debit per order that took
// money, one refund for each that gave it back.
let cursor = null;
let sum = 0n;
const kinds = {};
do {
  const page = (await api('GET', `/api/v1/wallet/ledger?limit=500${cursor ? `&cursor=${cursor}` : ''}`, undefined, `Api-Key ${key}`)).body.data;
  for (const entry of page.entries) {
    sum += BigInt(entry.amount_minor);
    kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
  }
  cursor = page.next_cursor;
} while (cursor);
const balance = BigInt((await api('GET', '/api/v1/wallet', undefined, `Api-Key ${key}`)).body.data.find((w) => w.currency === 'USD').balance_minor);
const successes = byStatus.success ?? 0;
const problems = [];
if (results.length !== ORDERS) problems.push(`${results.length} of ${ORDERS} orders came back`);
if (sum !== balance) problems.push(`balance ${balance} but the entries sum to ${sum}`);
if ((kinds.debit ?? 0) - (kinds.refund ?? 0) !== successes) problems.push(`${kinds.debit ?? 0} debits less ${kinds.refund ?? 0} refunds for ${successes} successful orders`);
if (successes === 0) problems.push('no order succeeded');
log(`ledger: balance ${balance} minor units = entries' sum ${sum}; entries ${JSON.stringify(kinds)}`);
if (problems.length) {
  console.error(`smoke: ledger INCONSISTENT: ${problems.join('; ')}`);
  process.exit(1);
}
log('every order final, ledger consistent');
