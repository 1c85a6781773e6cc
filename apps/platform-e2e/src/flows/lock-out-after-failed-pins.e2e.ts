import { http } from '../support/platform-client.js';
import { onboardTenant, uniquePhone } from '../support/tenants.js';

/** The e2e platform runs with the defaults: 5 failures lock the phone for 15 minutes. */
const MAX_ATTEMPTS = 5;

async function failTimes(phone: string, pin: string, times: number) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await http('POST', '/auth/pin-authentication', { body: { phone, pin } })).status);
  return statuses;
}

describe('PIN lockout', () => {
  it('locks a phone after repeated wrong PINs, even against the right PIN, with a clear error', async () => {
    const tenant = await onboardTenant();
    const wrong = tenant.pin === '0000' ? '0001' : '0000';

    expect(await failTimes(tenant.phone, wrong, MAX_ATTEMPTS)).toEqual([401, 401, 401, 401, 429]);

    const locked = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: tenant.pin } });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ status: 'error', code: 'PIN_LOCKED' });
    expect(locked.body.message).toMatch(/Too many failed PIN attempts\. Try again in 1[45] minutes\./);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('does not reveal whether the phone exists: an unknown phone locks the same way', async () => {
    const tenant = await onboardTenant();
    const unknown = uniquePhone();

    const registered = await failTimes(tenant.phone, tenant.pin === '0000' ? '0001' : '0000', MAX_ATTEMPTS + 1);
    const unregistered = await failTimes(unknown, '0000', MAX_ATTEMPTS + 1);
    expect(unregistered).toEqual(registered);

    const a = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: '1234' } });
    const b = await http('POST', '/auth/pin-authentication', { body: { phone: unknown, pin: '1234' } });
    expect(a.body).toEqual(b.body);
  });

  it('counts concurrent guesses: a burst cannot slip past the limit, nor can the right PIN sent during it', async () => {
    const tenant = await onboardTenant();
    const wrong = tenant.pin === '0000' ? '0001' : '0000';
    const burst = Array.from({ length: 12 }, () => http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: wrong } }));
    // Sent while most of the burst is still being verified: each guess is counted before its PIN is checked.
    await Promise.race(burst);
    const during = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: tenant.pin } });
    const answers = await Promise.all(burst);
    expect(during.status).toBe(429);
    expect(during.body).toMatchObject({ code: 'PIN_LOCKED' });
    expect(answers.filter((r) => r.status === 200)).toEqual([]);
    expect(answers.filter((r) => r.status === 401).length).toBeLessThan(MAX_ATTEMPTS);
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(12 - MAX_ATTEMPTS);
    const after = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: tenant.pin } });
    expect(after.status).toBe(429);
  });

  it('a successful login clears earlier failures', async () => {
    const tenant = await onboardTenant();
    const wrong = tenant.pin === '0000' ? '0001' : '0000';
    expect(await failTimes(tenant.phone, wrong, MAX_ATTEMPTS - 1)).toEqual([401, 401, 401, 401]);
    expect((await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: tenant.pin } })).status).toBe(200);
    expect(await failTimes(tenant.phone, wrong, MAX_ATTEMPTS - 1)).toEqual([401, 401, 401, 401]);
  });
});
