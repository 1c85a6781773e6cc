import { http } from '../support/platform-client.js';
import { latestPin, onboardTenant, settledSms, uniquePhone, waitForSms } from '../support/tenants.js';

describe('POST /auth/pin-reset (000 §3)', () => {
  it('sends a new PIN by SMS; the new PIN logs in and the old one no longer does', async () => {
    const tenant = await onboardTenant();

    const { status, body } = await http('POST', '/auth/pin-reset', { body: { phone: `+263${tenant.phone.slice(1)}` } });
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'success', message: 'pin was rest successfully', data: null });

    expect(await waitForSms(tenant.phone, 2)).toHaveLength(2);
    const newPin = await latestPin(tenant.phone, 2);

    const withNew = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: newPin } });
    expect(withNew.status).toBe(200);
    if (newPin !== tenant.pin) {
      const withOld = await http('POST', '/auth/pin-authentication', { body: { phone: tenant.phone, pin: tenant.pin } });
      expect(withOld.status).toBe(401);
    }
  });

  it('answers 422 "User not found" for a phone nobody registered, and sends nothing', async () => {
    const phone = uniquePhone();
    const { status, body } = await http('POST', '/auth/pin-reset', { body: { phone } });
    expect(status).toBe(422);
    expect(body.message).toBe('User not found');
    expect(body).toMatchObject({ status: 'error', code: 'USER_NOT_FOUND', data: null });
    expect(await settledSms(phone)).toEqual([]);
  });

  it('refuses a missing or malformed phone with 400', async () => {
    for (const body of [{}, { phone: 'abc' }, { phone: 263775265552 }]) {
      const response = await http('POST', '/auth/pin-reset', { body });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.data.fields)).toEqual(['phone']);
    }
  });
});
