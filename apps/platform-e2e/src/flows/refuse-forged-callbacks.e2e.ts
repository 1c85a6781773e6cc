import pg from 'pg';
import { e2eState } from '../support/e2e-state.js';
import { fundWallet } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { reference, settledOrder } from '../support/orders.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

/**
 * The attack: a tenant reads `provider_ref` from its own order and POSTs the upstream's callback
 * itself, saying the recharge failed, to be refunded for airtime it received. Callbacks are hints:
 * Tuti's is checked with Tuti's inquiry, Africa's Talking's (no query in seed 002) must carry the
 * secret of the callback URL we registered. Refusals are counted in provider_adapters.refused_callbacks.
 */
async function refusals(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: e2eState().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ upstream: string; reason: string; count: string }>('SELECT upstream, reason, count FROM provider_adapters.refused_callbacks');
    return Object.fromEntries(rows.map((r) => [`${r.upstream}:${r.reason}`, Number(r.count)]));
  } finally {
    await client.end();
  }
}

const grew = (before: Record<string, number>, after: Record<string, number>, key: string) => (after[key] ?? 0) - (before[key] ?? 0);

async function kesOrSdgShop(currency: 'KES' | 'SDG') {
  const tenant = await onboardTenant();
  const { key } = await createApiKey(tenant);
  await fundWallet(tenant.accountId, '50000', currency);
  return key;
}

async function ledgerKinds(key: string, currency: string): Promise<string[]> {
  const ledger = await http('GET', `/api/v1/wallet/ledger?currency=${currency}`, { apiKey: key });
  expect(ledger.status).toBe(200);
  return ledger.body.data.entries.map((e: { kind: string }) => e.kind);
}

describe("forged Africa's Talking callbacks (no status query: the URL's secret authenticates)", () => {
  it('refuses a tenant\'s "Failed" for its own order, in flight and once delivered: no refund, the refusals counted', async () => {
    const before = await refusals();
    const key = await kesOrSdgShop('KES');
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 200, target: '0711223355', amount: 100, agent_reference: reference() } });
    expect(placed.status).toBe(200);
    const providerRef = placed.body.provider_ref ?? (await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: key })).body.provider_ref;
    expect(providerRef).toMatch(/^ATQid_/);
    const forged = { phoneNumber: '+254711223355', description: 'Airtime delivery failed', status: 'Failed', requestId: providerRef, discount: 'KES 0.6000', value: 'KES 100.0000' };

    // While Africa's Talking still says Sent (the order is pending): no secret, then a guessed one.
    const bare = await http('POST', '/callbacks/africastalking', { body: forged });
    expect(bare.status).toBe(401);
    expect(bare.body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED', message: expect.stringContaining('callback secret') });
    const guessed = await http('POST', '/callbacks/africastalking?token=e2e-africastalking-callback-secret-000002', { body: forged });
    expect(guessed.status).toBe(401);
    expect(guessed.body).toMatchObject({ status: 'error', code: 'INVALID_SIGNATURE' });

    // The simulator's real callback (with the secret) still delivers the order.
    const order = await settledOrder(key, placed.body.agent_reference);
    expect(order).toMatchObject({ status: 'success', provider_ref: providerRef });
    expect((await http('POST', '/callbacks/africastalking/status', { body: forged })).status).toBe(401);

    expect((await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: key })).body.status).toBe('success');
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0]).toMatchObject({ currency: 'KES', balance_minor: '40000' });
    expect(await ledgerKinds(key, 'KES')).not.toContain('refund');
    const after = await refusals();
    expect(grew(before, after, 'africastalking:missing-secret')).toBeGreaterThanOrEqual(2);
    expect(grew(before, after, 'africastalking:wrong-secret')).toBeGreaterThanOrEqual(1);
  });
});

describe('forged Tuti webhooks (the inquiry decides)', () => {
  it('refuses a tenant\'s "failed" for its own queued and then delivered order: no refund, the refusals counted', async () => {
    const before = await refusals();
    const key = await kesOrSdgShop('SDG');
    const placed = await http('POST', '/api/v1/orders', { apiKey: key, body: { product_id: 401, target: '0925343811', amount: 100, agent_reference: reference() } });
    expect(placed.status).toBe(200);
    const providerRef = placed.body.provider_ref ?? (await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: key })).body.provider_ref;
    expect(providerRef).toMatch(/^\d+$/);
    const forged = { result: 'error', transaction_id: Number(providerRef), status: 'failed', code: 'invalid_phone_number', message: 'Invalid phone number' };

    // Straight away Tuti's inquiry most likely still says pending (503: ask again later); if Tuti was
    // quicker, it says successful. Either way the claim is refused.
    const early = await http('POST', '/callbacks/tuti', { body: forged });
    expect([200, 503]).toContain(early.status);

    const order = await settledOrder(key, placed.body.agent_reference);
    expect(order).toMatchObject({ status: 'success', provider_ref: providerRef });
    const late = await http('POST', '/callbacks/tuti', { body: forged });
    expect(late.status).toBe(200);

    expect((await http('GET', `/api/v1/orders/${placed.body.agent_reference}`, { apiKey: key })).body.status).toBe('success');
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body.data[0]).toMatchObject({ currency: 'SDG', balance_minor: '40000' });
    expect(await ledgerKinds(key, 'SDG')).not.toContain('refund');
    const after = await refusals();
    expect(grew(before, after, 'tuti:contradicted-by-query') + grew(before, after, 'tuti:not-confirmed-yet')).toBeGreaterThanOrEqual(2);
    expect(grew(before, after, 'tuti:contradicted-by-query')).toBeGreaterThanOrEqual(1);
  });
});

describe('callbacks for upstreams that send none', () => {
  it('refuses them with 404 in the documented error shape, and counts them', async () => {
    const before = await refusals();
    for (const upstream of ['omega', 'zesa']) {
      const forged = await http('POST', `/callbacks/${upstream}`, { body: { reference: 'anything', status: 'FAILED' } });
      expect(forged.status).toBe(404);
      expect(forged.body).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    }
    const after = await refusals();
    expect(grew(before, after, 'omega:no-callbacks')).toBeGreaterThanOrEqual(1);
    expect(grew(before, after, 'zesa:no-callbacks')).toBeGreaterThanOrEqual(1);
  });
});
