import { graphql, http } from '../support/platform-client.js';
import { latestPin, onboardTenant } from '../support/tenants.js';

describe('a PIN reset ends the sessions opened before it', () => {
  it('refuses a token issued before the reset with 401, on REST and GraphQL, and accepts one from the new PIN', async () => {
    const tenant = await onboardTenant();
    expect((await http('GET', '/auth/user', { token: tenant.token })).status).toBe(200);

    expect((await http('POST', '/auth/pin-reset', { body: { phone: tenant.phone } })).status).toBe(200);

    const stale = await http('GET', '/auth/user', { token: tenant.token });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED', data: null });
    expect((await http('GET', '/api/v1/api-keys', { token: tenant.token })).status).toBe(401);
    const staleGraphql = await graphql('{ viewer { user { id } } }', {}, { token: tenant.token });
    expect(staleGraphql.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const login = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: await latestPin(tenant.phone, 2) } });
    expect(login.status).toBe(200);
    expect((await http('GET', '/auth/user', { token: login.body.data.token })).status).toBe(200);
  });
});
