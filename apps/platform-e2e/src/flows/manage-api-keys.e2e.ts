import { http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('API keys (001: Authorization: Api-Key atk_…)', () => {
  it('creates a key shown once, lists it without the secret, authenticates with it, and revokes it for good', async () => {
    const tenant = await onboardTenant();

    const created = await http('POST', '/api/v1/api-keys', { token: tenant.token, body: { name: 'shop backend' } });
    expect(created.status).toBe(201);
    const key: string = created.body.data.key;
    expect(key).toMatch(/^atk_live_[0-9A-Za-z]{32}$/);
    expect(created.body.data).toMatchObject({ name: 'shop backend', mode: 'live', prefix: key.slice(0, 13), revoked_at: null });

    const listed = await http('GET', '/api/v1/api-keys', { token: tenant.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ id: created.body.data.id, prefix: key.slice(0, 13) });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const account = await http('GET', '/api/v1/account', { apiKey: key });
    expect(account.status).toBe(200);
    expect(account.body.data.id).toBe(tenant.accountId);

    const revoked = await http('DELETE', `/api/v1/api-keys/${created.body.data.id}`, { token: tenant.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revoked_at).not.toBeNull();

    const afterRevoke = await http('GET', '/api/v1/account', { apiKey: key });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED', message: 'Invalid or revoked API key' });
  });

  it('makes test keys for the sandbox', async () => {
    const tenant = await onboardTenant();
    const created = await http('POST', '/api/v1/api-keys', { token: tenant.token, body: { name: 'sandbox', mode: 'test' } });
    expect(created.body.data.key).toMatch(/^atk_test_/);
    expect((await http('GET', '/api/v1/account', { apiKey: created.body.data.key })).status).toBe(200);
  });

  it('rejects unknown, malformed and missing keys with 401', async () => {
    for (const authorization of ['Api-Key atk_live_00000000000000000000000000000000', 'Api-Key nonsense', 'Api-Key', 'Basic abc']) {
      const { status, body } = await http('GET', '/api/v1/account', { headers: { authorization } });
      expect(status).toBe(401);
      expect(body.status).toBe('error');
    }
    expect((await http('GET', '/api/v1/account')).status).toBe(401);
  });

  it('does not let a key manage keys: that needs a logged-in user', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    expect((await http('GET', '/api/v1/api-keys', { apiKey: key })).status).toBe(401);
    expect((await http('POST', '/api/v1/api-keys', { apiKey: key, body: { name: 'minted' } })).status).toBe(401);
  });

  it('validates key creation input', async () => {
    const tenant = await onboardTenant();
    const bad = await http('POST', '/api/v1/api-keys', { token: tenant.token, body: { name: '', mode: 'prod', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['extra', 'mode', 'name']);
    expect((await http('GET', '/api/v1/api-keys', { token: tenant.token })).body.data).toEqual([]);
    expect((await http('DELETE', '/api/v1/api-keys/not-a-uuid', { token: tenant.token })).status).toBe(400);
  });
});
