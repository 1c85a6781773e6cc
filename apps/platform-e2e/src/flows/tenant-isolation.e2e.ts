import { http } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

describe('one account never sees another', () => {
  it("keeps each account's keys, user and account to itself", async () => {
    const [a, b] = await Promise.all([onboardTenant({ name: 'Alpha Ltd' }), onboardTenant({ name: 'Beta Ltd' })]);
    const keyA = await createApiKey(a, 'alpha key');
    const keyB = await createApiKey(b, 'beta key');

    const listedByB = await http('GET', '/api/v1/api-keys', { token: b.token });
    expect(listedByB.body.data.map((k: { id: string }) => k.id)).toEqual([keyB.id]);

    const revokeOthers = await http('DELETE', `/api/v1/api-keys/${keyA.id}`, { token: b.token });
    expect(revokeOthers.status).toBe(404);
    expect(revokeOthers.body).toMatchObject({ status: 'error', code: 'API_KEY_NOT_FOUND' });
    expect((await http('GET', '/api/v1/account', { apiKey: keyA.key })).body.data.name).toBe('Alpha Ltd');

    expect((await http('GET', '/api/v1/account', { apiKey: keyB.key })).body.data.id).toBe(b.accountId);
    expect((await http('GET', '/api/v1/account', { token: a.token })).body.data.id).toBe(a.accountId);
    expect((await http('GET', '/auth/user', { token: b.token })).body.data.account_id).toBe(b.accountId);
  });
});
