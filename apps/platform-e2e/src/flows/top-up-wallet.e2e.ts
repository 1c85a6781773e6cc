import { e2eState } from '../support/e2e-state.js';
import { http } from '../support/platform-client.js';
import { pesepayPayload } from '../support/pesepay-payload.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

async function startTopUp(key: string, amount: unknown = '10.50', currency = 'USD') {
  return http('POST', '/api/v1/wallet/topup', { apiKey: key, body: { amount, currency } });
}

/** Opens Pesepay's payment page as the payer's browser would; the simulator then calls us back. */
async function pay(redirectUrl: string, outcome?: 'declined' | 'cancelled') {
  const response = await fetch(outcome ? `${redirectUrl}?outcome=${outcome}` : redirectUrl);
  expect(response.status).toBe(200);
}

async function topUpSettled(key: string, reference: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { body } = await http('GET', `/api/v1/wallet/topup/${reference}`, { apiKey: key });
    if (body.data.status !== 'pending' || Date.now() > deadline) return body.data;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const balance = async (key: string) => (await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0]?.balance_minor ?? '0';
const pesepayReferenceOf = (redirectUrl: string) => redirectUrl.split('/').at(-1) as string;

describe('wallet top-ups through Pesepay', () => {
  it('credits the wallet once when the payment succeeds', async () => {
    const { key } = await createApiKey(await onboardTenant());
    const started = await startTopUp(key);
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({ status: 'pending', currency: 'USD', amount_minor: '1050', amount: '10.50', provider: 'pesepay' });
    expect(started.body.data.reference).toMatch(/^TOP-[0-9A-Z]{12}$/);
    expect(started.body.data.redirect_url).toMatch(new RegExp(`^${e2eState().simUrl}/pesepay/pay/`));

    await pay(started.body.data.redirect_url);
    const settled = await topUpSettled(key, started.body.data.reference);
    expect(settled).toMatchObject({ status: 'paid', completed_at: expect.any(String) });
    expect(await balance(key)).toBe('1050');
    const ledger = await http('GET', '/api/v1/wallet/ledger?kind=topup', { apiKey: key });
    expect(ledger.body.data.entries).toHaveLength(1);
  });

  it('credits nothing for a declined or a cancelled payment', async () => {
    const { key } = await createApiKey(await onboardTenant());
    for (const outcome of ['declined', 'cancelled'] as const) {
      const started = await startTopUp(key, 7);
      await pay(started.body.data.redirect_url, outcome);
      const settled = await topUpSettled(key, started.body.data.reference);
      expect(settled.status).toBe(outcome === 'declined' ? 'failed' : 'cancelled');
    }
    expect(await balance(key)).toBe('0');
  });

  it('credits once however often Pesepay calls back and the status is polled', async () => {
    const { key } = await createApiKey(await onboardTenant());
    const started = await startTopUp(key, '3.00');
    await pay(started.body.data.redirect_url);
    await Promise.all(Array.from({ length: 5 }, () => http('GET', `/api/v1/wallet/topup/${started.body.data.reference}`, { apiKey: key })));

    const sent = (await (await fetch(`${e2eState().simUrl}/pesepay/sim/callbacks?reference=${pesepayReferenceOf(started.body.data.redirect_url)}`)).json()) as { body: unknown }[];
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const replays = await Promise.all(Array.from({ length: 3 }, () => fetch(`${e2eState().gatewayUrl}/callbacks/pesepay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof sent[0]?.body === 'string' ? sent[0].body : JSON.stringify(sent[0]?.body),
    })));
    for (const replay of replays) expect(replay.status).toBe(200);
    expect((await topUpSettled(key, started.body.data.reference)).status).toBe('paid');
    expect(await balance(key)).toBe('300');
  });

  it('refuses a callback that does not decrypt under our key, or names no top-up of ours, crediting nothing', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    const started = await startTopUp(key, 5);
    const referenceNumber = pesepayReferenceOf(started.body.data.redirect_url);
    const forged = { referenceNumber, transactionStatus: 'SUCCESS', amountDetails: { amount: 5, currencyCode: 'USD' }, merchantReference: started.body.data.reference, paid: true };

    const badSignature = await http('POST', '/callbacks/pesepay', { body: { payload: pesepayPayload(forged, 'x'.repeat(32)) } });
    expect(badSignature.status).toBe(401);
    expect(badSignature.body.code).toBe('INVALID_SIGNATURE');

    const garbage = await http('POST', '/callbacks/pesepay', { body: { payload: 'bm90IGVuY3J5cHRlZA==' } });
    expect(garbage.status).toBe(401);

    const unknownReference = await http('POST', '/callbacks/pesepay', { body: { payload: pesepayPayload({ ...forged, referenceNumber: 'NOT-OURS-1' }) } });
    expect(unknownReference.status).toBe(404);
    expect(unknownReference.body.code).toBe('TOPUP_NOT_FOUND');

    // Even a well-encrypted callback claiming success does not credit: Pesepay's own status says pending.
    const claim = await http('POST', '/callbacks/pesepay', { body: { payload: pesepayPayload(forged) } });
    expect(claim.status).toBe(200);
    expect(claim.body.topup_status).toBe('pending');
    expect(await balance(key)).toBe('0');
  });

  it('refuses bad amounts and currencies with a clear error, starting nothing', async () => {
    const { key } = await createApiKey(await onboardTenant());
    for (const [amount, currency, field] of [[-5, 'USD', 'amount'], [0, 'USD', 'amount'], ['1.005', 'USD', 'amount'], ['abc', 'USD', 'amount'], [5, 'usd', 'currency']] as const) {
      const refused = await startTopUp(key, amount, currency);
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body.data.fields)).toEqual([field]);
    }
    const unsupported = await startTopUp(key, 5, 'XYZ');
    expect(unsupported.status).toBe(400);
    const absurd = await startTopUp(key, '999999999999', 'USD');
    expect(absurd.status).toBe(422);
    expect(absurd.body.code).toBe('AMOUNT_TOO_LARGE');
  });

  it('tops up sandbox wallets with a test key, never live ones', async () => {
    const tenant = await onboardTenant();
    const live = await createApiKey(tenant, 'live', 'live');
    const sandbox = await createApiKey(tenant, 'sandbox', 'test');
    const started = await startTopUp(sandbox.key, 2);
    expect(started.body.data.mode).toBe('test');
    await pay(started.body.data.redirect_url);
    expect((await topUpSettled(sandbox.key, started.body.data.reference)).status).toBe('paid');
    expect(await balance(sandbox.key)).toBe('200');
    expect(await balance(live.key)).toBe('0');
  });
});
