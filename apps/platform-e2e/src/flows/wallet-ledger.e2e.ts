import { randomUUID } from 'node:crypto';
import { e2eState } from '../support/e2e-state.js';
import { fundWallet, operatorToken } from '../support/operator.js';
import { graphql, http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('wallets and the ledger through the gateway', () => {
  it('shows a tenant its balances, its ledger page by page, and a CSV statement', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    expect((await http('GET', '/api/v1/wallet', { apiKey: key })).body).toEqual({ status: 'success', message: 'wallets retrieved', data: [] });

    await fundWallet(tenant.accountId, '1000');
    await fundWallet(tenant.accountId, '250');
    await fundWallet(tenant.accountId, '5000', 'ZWG');

    const wallets = await http('GET', '/api/v1/wallet', { apiKey: key });
    expect(wallets.body.data).toEqual([
      { currency: 'USD', mode: 'live', balance_minor: '1250', balance: '12.50', updated_at: expect.any(String) },
      { currency: 'ZWG', mode: 'live', balance_minor: '5000', balance: '50.00', updated_at: expect.any(String) },
    ]);

    const first = await http('GET', '/api/v1/wallet/ledger?limit=2', { apiKey: key });
    expect(first.status).toBe(200);
    expect(first.body.data.entries.map((e: { amount_minor: string }) => e.amount_minor)).toEqual(['5000', '250']);
    const second = await http('GET', `/api/v1/wallet/ledger?limit=2&cursor=${first.body.data.next_cursor}`, { apiKey: key });
    expect(second.body.data.entries.map((e: { amount_minor: string }) => e.amount_minor)).toEqual(['1000']);
    expect(second.body.data.next_cursor).toBeNull();
    const usdOnly = await http('GET', '/api/v1/wallet/ledger?currency=USD&kind=adjustment', { apiKey: key });
    expect(usdOnly.body.data.entries).toHaveLength(2);

    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const statement = await fetch(`${e2eState().gatewayUrl}/api/v1/wallet/statement?from=${from}&to=${to}&currency=USD`, {
      headers: { authorization: `Api-Key ${key}` },
    });
    expect(statement.status).toBe(200);
    expect(statement.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(statement.headers.get('content-disposition')).toMatch(/attachment; filename="statement-live-.*\.csv"/);
    const lines = (await statement.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/,USD,adjustment,2\.50,250,12\.50,1250,/);
  });

  it('refuses bad ledger queries with 400 naming the field', async () => {
    const tenant = await onboardTenant();
    const bad = await http('GET', '/api/v1/wallet/ledger?limit=0&kind=theft&currency=usd&cursor=abc', { token: tenant.token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['currency', 'cursor', 'kind', 'limit']);
    const noRange = await http('GET', '/api/v1/wallet/statement', { token: tenant.token });
    expect(Object.keys(noRange.body.data.fields).sort()).toEqual(['from', 'to']);
  });

  it('keeps each tenant to its own wallets and ledger', async () => {
    const [a, b] = await Promise.all([onboardTenant(), onboardTenant()]);
    await fundWallet(a.accountId, '700');
    expect((await http('GET', '/api/v1/wallet', { token: b.token })).body.data).toEqual([]);
    expect((await http('GET', '/api/v1/wallet/ledger', { token: b.token })).body.data.entries).toEqual([]);
    expect((await http('GET', '/api/v1/wallet', { token: a.token })).body.data[0].balance_minor).toBe('700');
  });

  it('keeps sandbox money apart: a test key sees only test wallets', async () => {
    const tenant = await onboardTenant();
    const live = await createApiKey(tenant, 'live', 'live');
    const sandbox = await createApiKey(tenant, 'sandbox', 'test');
    await fundWallet(tenant.accountId, '300', 'USD', 'test');
    expect((await http('GET', '/api/v1/wallet', { apiKey: live.key })).body.data).toEqual([]);
    expect((await http('GET', '/api/v1/wallet', { apiKey: sandbox.key })).body.data[0]).toMatchObject({ mode: 'test', balance_minor: '300' });
    // A test key cannot ask for live money.
    expect((await http('GET', '/api/v1/wallet?mode=live', { apiKey: sandbox.key })).body.data[0]).toMatchObject({ mode: 'test' });
  });

  it('answers GraphQL wallets and ledger as connections, and each wallet leads to its own ledger', async () => {
    const tenant = await onboardTenant();
    await fundWallet(tenant.accountId, '400');
    await fundWallet(tenant.accountId, '600');
    const result = await graphql(
      `{ viewer { account {
          wallets { edges { node { currency balanceMinor balance ledger(first: 5) { edges { node { amountMinor } } } } } }
          ledger(first: 1) { edges { cursor node { amountMinor kind balanceAfterMinor } } pageInfo { hasNextPage hasPreviousPage endCursor } }
      } } }`,
      {},
      { token: tenant.token },
    );
    expect(result.errors).toBeUndefined();
    const { wallets, ledger } = result.data.viewer.account;
    expect(wallets.edges).toEqual([
      { node: { currency: 'USD', balanceMinor: '1000', balance: '10.00', ledger: { edges: [{ node: { amountMinor: '600' } }, { node: { amountMinor: '400' } }] } } },
    ]);
    expect(ledger.edges).toEqual([{ cursor: expect.any(String), node: { amountMinor: '600', kind: 'adjustment', balanceAfterMinor: '1000' } }]);
    expect(ledger.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, endCursor: ledger.edges[0].cursor });
    const next = await graphql(`query($after: String) { viewer { account { ledger(first: 5, after: $after) { edges { node { amountMinor } } pageInfo { hasNextPage hasPreviousPage } } } } }`, { after: ledger.pageInfo.endCursor }, { token: tenant.token });
    expect(next.data.viewer.account.ledger).toEqual({ edges: [{ node: { amountMinor: '400' } }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('lets only operators credit a wallet, once per idempotency key, with the reason recorded', async () => {
    const tenant = await onboardTenant();
    const mutation = `mutation($input: CreditWalletInput!) { creditWallet(input: $input) { transfer { id kind amountMinor reason actor } } }`;
    const input = { accountId: tenant.accountId, currency: 'USD', amountMinor: '999', reason: 'compensation for outage', idempotencyKey: randomUUID() };

    const denied = await graphql(mutation, { input }, { token: tenant.token });
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const operator = await operatorToken();
    const first = await graphql(mutation, { input }, { token: operator });
    expect(first.errors).toBeUndefined();
    expect(first.data.creditWallet.transfer).toMatchObject({ kind: 'adjustment', amountMinor: '999', reason: 'compensation for outage', actor: expect.stringMatching(/^user:/) });
    const again = await graphql(mutation, { input }, { token: operator });
    expect(again.data.creditWallet.transfer.id).toBe(first.data.creditWallet.transfer.id);
    expect((await http('GET', '/api/v1/wallet', { token: tenant.token })).body.data[0].balance_minor).toBe('999');
  });
});
