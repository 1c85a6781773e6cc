import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { e2eState } from '../support/e2e-state.js';
import { graphql, http } from '../support/platform-client.js';
import { latestPin, onboardingBody, onboardTenant } from '../support/tenants.js';

/** An operator phone no other file has taken, onboarded; its PIN from the SMS. */
async function operatorPhone(): Promise<{ phone: string; pin: string; secret: string }> {
  for (const phone of [...e2eState().operatorPhones].sort(() => Math.random() - 0.5)) {
    const created = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: phone, name: 'Ops' }) });
    if (created.status === 409) continue;
    return { phone, pin: await latestPin(phone), secret: e2eState().operatorTotpSecrets[phone] as string };
  }
  throw new Error('every operator phone is taken');
}

const credit = (token: string, accountId: string) =>
  graphql(
    `mutation($input: CreditWalletInput!) { creditWallet(input: $input) { transfer { id } } }`,
    { input: { accountId, currency: 'USD', amountMinor: '100', mode: 'live', reason: 'second factor e2e', idempotencyKey: randomUUID() } },
    { token },
  );

describe('operators log in with a PIN and a TOTP code', () => {
  it('gives a PIN-only login of an operator phone an ordinary user token: it cannot credit wallets', async () => {
    const [operator, shop] = await Promise.all([operatorPhone(), onboardTenant()]);
    const login = await http('POST', '/auth/pin-authentication', { body: { phone: operator.phone, pin: operator.pin } });
    expect(login.status).toBe(200);
    const refused = await credit(login.body.data.token, shop.accountId);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const otp = await generate({ secret: operator.secret });
    const withCode = await http('POST', '/auth/pin-authentication', { body: { phone: operator.phone, pin: operator.pin, otp } });
    expect(withCode.status).toBe(200);
    expect((await credit(withCode.body.data.token, shop.accountId)).errors).toBeUndefined();

    // A code seen once (over a shoulder, in a proxy log) does not log in again.
    const replay = await http('POST', '/auth/pin-authentication', { body: { phone: operator.phone, pin: operator.pin, otp } });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ status: 'error', code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' });
    const wrong = await graphql(
      'mutation($i: AuthenticateWithPinInput!) { authenticateWithPin(input: $i) { token } }',
      { i: { phone: operator.phone, pin: operator.pin, otp: otp === '000000' ? '111111' : '000000' } },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a malformed code with a clear 400', async () => {
    const response = await http('POST', '/auth/pin-authentication', { body: { phone: '0771234567', pin: '1234', otp: '12ab' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED' });
    expect(Object.keys(response.body.data.fields)).toEqual(['otp']);
  });
});
