import { createHmac } from 'node:crypto';
import { e2eState } from '../support/e2e-state.js';
import { http } from '../support/platform-client.js';
import { latestPin, onboardTenant, onboardingBody, uniquePhone } from '../support/tenants.js';

describe('PIN authentication and the current user (000 §2, §4)', () => {
  it('logs in with the PIN from the SMS and returns a JWT with expires_at', async () => {
    const body = onboardingBody();
    const created = await http('POST', '/api/v1/onboarding/accounts', { body });
    const phone = body['user_phone'] as string;
    const pin = await latestPin(phone);

    const before = Date.now();
    const { status, body: response } = await http('POST', '/auth/pin-authentication', { body: { phone: `+263${phone.slice(1)}`, pin } });

    expect(status).toBe(200);
    expect(response).toMatchObject({ status: 'success', message: 'authenticated' });
    expect(response.data.token.split('.')).toHaveLength(3);
    const expiresAt = Date.parse(response.data.expires_at);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(before + 3600_000 + 1000);

    const user = await http('GET', '/auth/user', { token: response.data.token });
    expect(user.status).toBe(200);
    expect(user.body).toEqual({
      status: 'success',
      message: 'user retrieved',
      data: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: 'sean@example.com',
        phone: `+263${phone.slice(1)}`,
        account_id: created.body.data.id,
        first_name: 'Sean',
        last_name: 'Omega',
      },
    });
  });

  it('answers a wrong PIN and an unknown phone alike: 401 Invalid credentials', async () => {
    const tenant = await onboardTenant();
    const wrong = tenant.pin === '9999' ? '9998' : '9999';
    const wrongPin = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: wrong } });
    const unknownPhone = await http('POST', '/auth/pin-authentication', { body: { phone: uniquePhone(), pin: '1234' } });

    for (const response of [wrongPin, unknownPhone]) {
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('Invalid credentials');
    }
    expect(wrongPin.body).toEqual(unknownPhone.body);
  });

  it('refuses a login body that breaks the rules with 400 naming the fields', async () => {
    const { status, body } = await http('POST', '/auth/pin-authentication', { body: { phone: 'nope' } });
    expect(status).toBe(400);
    expect(Object.keys(body.data.fields).sort()).toEqual(['phone', 'pin']);
  });

  it('refuses /auth/user without a token, with a tampered token and with a token signed another way', async () => {
    const tenant = await onboardTenant();
    const [header, payload] = tenant.token.split('.') as [string, string, string];

    const tamperedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), acc: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const otherSecret = `${header}.${payload}.${createHmac('sha256', 'another-secret').update(`${header}.${payload}`).digest('base64url')}`;

    for (const token of [undefined, 'garbage', `${header}.${tamperedPayload}.${tenant.token.split('.')[2]}`, unsigned, otherSecret]) {
      const { status, body } = await http('GET', '/auth/user', token ? { token } : {});
      expect(status).toBe(401);
      expect(body).toMatchObject({ status: 'error', code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses an expired token', async () => {
    const tenant = await onboardTenant();
    const claims = JSON.parse(Buffer.from(tenant.token.split('.')[1] as string, 'base64url').toString());
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ ...claims, iat: claims.iat - 7200, exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    const signature = createHmac('sha256', e2eState().jwtSecret).update(`${header}.${payload}`).digest('base64url');

    const { status } = await http('GET', '/auth/user', { token: `${header}.${payload}.${signature}` });
    expect(status).toBe(401);
  });
});
