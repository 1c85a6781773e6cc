import { graphql } from '../support/platform-client.js';
import { latestPin, uniquePhone } from '../support/tenants.js';

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { account { id databaseId name number contactPhone accountType accountLevel city } }
}`;
const LOGIN = `mutation($input: AuthenticateWithPinInput!) { authenticateWithPin(input: $input) { token expiresAt } }`;

function accountInput(phone: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Graph Co', type: 'company', level: 'agent', contactName: 'Tariro', contactEmail: 'tariro@example.com',
    contactPhone: phone, address: '1 Samora Machel Ave', city: 'Harare', userFirstname: 'Tariro',
    userLastname: 'Moyo', userEmail: 'tariro@example.com', userPhone: phone, ...overrides,
  };
}

async function signUp() {
  const phone = uniquePhone();
  const created = await graphql(CREATE_ACCOUNT, { input: accountInput(phone) });
  const pin = await latestPin(phone);
  const login = await graphql(LOGIN, { input: { phone, pin } });
  return { phone, pin, account: created.data.createAccount.account, token: login.data.authenticateWithPin.token as string };
}

describe('GraphQL: the identity flows', () => {
  it('onboards, logs in and answers the viewer: its user and account', async () => {
    const { phone, account, token } = await signUp();
    expect(account).toMatchObject({ name: 'Graph Co', contactPhone: `263${phone.slice(1)}`, accountType: 'company', accountLevel: 'agent', city: 'Harare' });
    expect(account.number).toMatch(/^\d{4}-\d{4}-\d{4}$/);

    const me = await graphql(`{ viewer { kind mode user { id phone firstName } apiKey { id } account { id name } } }`, {}, { token });
    expect(me.errors).toBeUndefined();
    expect(me.data.viewer).toMatchObject({ kind: 'USER', mode: null, user: { phone: `+263${phone.slice(1)}`, firstName: 'Tariro' }, apiKey: null });
    expect(me.data.viewer.account).toEqual({ id: account.id, name: 'Graph Co' });
    // The user is a node too: fetched again by its global id.
    const again = await graphql(`query($id: ID!) { node(id: $id) { id ... on User { phone } } }`, { id: me.data.viewer.user.id }, { token });
    expect(again.data.node).toEqual({ id: me.data.viewer.user.id, phone: `+263${phone.slice(1)}` });
  });

  it('creates, lists and revokes API keys', async () => {
    const { token } = await signUp();
    const created = await graphql(
      `mutation { createApiKey(input: { name: "pos", mode: test }) { key apiKey { id name mode prefix revokedAt } } }`,
      {},
      { token },
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^atk_test_/);
    expect(apiKey).toMatchObject({ name: 'pos', mode: 'test', prefix: key.slice(0, 13), revokedAt: null });

    const byKey = await graphql(`{ viewer { kind mode apiKey { id name } account { id } } }`, {}, { apiKey: key });
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data.viewer).toMatchObject({ kind: 'API_KEY', mode: 'test', apiKey: { id: apiKey.id, name: 'pos' } });
    // Keys are managed by people: a key cannot list the account's keys.
    const keysByKey = await graphql(`{ viewer { account { apiKeys { edges { node { id } } } } } }`, {}, { apiKey: key });
    expect(keysByKey.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const listed = await graphql(`{ viewer { account { apiKeys { edges { node { id prefix } } } } } }`, {}, { token });
    expect(listed.data.viewer.account.apiKeys.edges).toEqual([{ node: { id: apiKey.id, prefix: apiKey.prefix } }]);

    const revoked = await graphql(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } } }`, { id: apiKey.id }, { token });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    const afterRevoke = await graphql(`{ viewer { account { id } } }`, {}, { apiKey: key });
    expect(afterRevoke.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('resets a PIN', async () => {
    const { phone } = await signUp();
    const reset = await graphql(`mutation($input: ResetPinInput!) { resetPin(input: $input) { sent } }`, { input: { phone } });
    expect(reset.data).toEqual({ resetPin: { sent: true } });
    const login = await graphql(LOGIN, { input: { phone, pin: await latestPin(phone, 2) } });
    expect(login.data.authenticateWithPin.token).toBeTruthy();

    const unknown = await graphql(`mutation($input: ResetPinInput!) { resetPin(input: $input) { sent } }`, { input: { phone: uniquePhone() } });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'User not found', extensions: { code: 'USER_NOT_FOUND' } });
  });

  it('carries a machine-readable code on every error', async () => {
    const invalid = await graphql(CREATE_ACCOUNT, { input: accountInput('12', { contactEmail: 'nope' }) });
    expect(invalid.data).toBeNull();
    expect(invalid.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { contactEmail: ['contactEmail must be an email'], contactPhone: expect.any(Array), userPhone: expect.any(Array) } },
    });

    const { phone, pin } = await signUp();
    const wrong = await graphql(LOGIN, { input: { phone, pin: pin === '1111' ? '2222' : '1111' } });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Invalid credentials', extensions: { code: 'INVALID_CREDENTIALS' } });

    const anonymous = await graphql(`{ viewer { kind } }`);
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
