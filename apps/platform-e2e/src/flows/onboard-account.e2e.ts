import { http } from '../support/platform-client.js';
import { internationalOf, onboardingBody, settledSms, uniquePhone, waitForSms } from '../support/tenants.js';

const REQUIRED = [
  'name', 'type', 'level', 'contact_name', 'contact_email', 'contact_phone', 'address', 'city',
  'user_firstname', 'user_lastname', 'user_email', 'user_phone',
];

describe('POST /api/v1/onboarding/accounts (000 §1)', () => {
  it('creates the account in the shape 000 shows, phones in international form, and sends the PIN by SMS', async () => {
    const body = onboardingBody();
    const { status, body: response } = await http('POST', '/api/v1/onboarding/accounts', { body });

    expect(status).toBe(200);
    expect(response).toMatchObject({
      status: 'success',
      message: 'account created successfully',
      data: {
        name: 'Sean Inc',
        address: '63 Glenelg Road Vainona',
        city: 'Harare',
        contact_name: 'Sean',
        contact_email: 'sean@example.com',
        contact_phone: internationalOf(body['contact_phone'] as string),
        account_type: 'company',
        account_level: 'superagent',
      },
    });
    expect(response.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.data.number).toMatch(/^\d{4}-\d{4}-\d{4}$/);

    const sms = await waitForSms(body['user_phone'] as string, 1);
    expect(sms).toHaveLength(1);
    expect(sms[0]?.to).toBe(internationalOf(body['user_phone'] as string));
    // Fixed words: the account name is the caller's to choose, so it never rides in the SMS.
    expect(sms[0]?.message).toMatch(/^Your Airtime PIN is \d{4}\. Do not share it with anyone\.$/);
  });

  it('gives every account its own number', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 5 }, async () => (await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody() })).body.data.number),
    );
    expect(new Set(numbers).size).toBe(5);
  });

  it.each(REQUIRED)('refuses a body without %s, naming it, and creates nothing', async (field) => {
    const body = onboardingBody();
    delete body[field];
    const { status, body: response } = await http('POST', '/api/v1/onboarding/accounts', { body });

    expect(status).toBe(400);
    expect(response).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED', message: 'Validation failed' });
    expect(Object.keys(response.data.fields)).toEqual([field]);
    expect(response.data.fields[field]).toEqual([`${field} is required`]);
    if (field !== 'user_phone') expect(await settledSms(body['user_phone'] as string)).toEqual([]);
  });

  it('names every bad field at once: emails, phones and types', async () => {
    const body = onboardingBody({ contact_email: 'not-an-email', user_email: 'sean@', contact_phone: '12345', user_phone: 'call me', name: 42 });
    const { status, body: response } = await http('POST', '/api/v1/onboarding/accounts', { body });

    expect(status).toBe(400);
    expect(Object.keys(response.data.fields).sort()).toEqual(['contact_email', 'contact_phone', 'name', 'user_email', 'user_phone']);
    expect(response.data.fields.contact_email).toContain('contact_email must be an email');
    expect(response.data.fields.user_phone).toContain('user_phone must be a valid phone number');
    expect(response.data.fields.name).toContain('name must be a string');
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const body = onboardingBody({ balance: 1_000_000 });
    const { status, body: response } = await http('POST', '/api/v1/onboarding/accounts', { body });
    expect(status).toBe(400);
    expect(response.data.fields).toEqual({ balance: ['property balance should not exist'] });
    expect(await settledSms(body['user_phone'] as string)).toEqual([]);
  });

  it('refuses malformed JSON, a JSON array and an oversized body with a clear error', async () => {
    const malformed = await http('POST', '/api/v1/onboarding/accounts', { body: '{"name": "Sean Inc",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED' });
    expect(malformed.body.message).toMatch(/^Malformed JSON/);

    const array = await http('POST', '/api/v1/onboarding/accounts', { body: '[1, 2]' });
    expect(array.status).toBe(400);
    expect(array.body.message).toBe('The request body must be a JSON object');

    const oversized = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ address: 'x'.repeat(200_000) }) });
    expect(oversized.status).toBe(413);
    expect(oversized.body).toEqual({ status: 'error', code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large', data: null });
  });

  it('refuses a second user with the same phone, and the first account is untouched', async () => {
    const phone = uniquePhone();
    const first = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: phone }) });
    expect(first.status).toBe(200);

    const second = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: `+263${phone.slice(1)}`, name: 'Other' }) });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 'error', code: 'PHONE_ALREADY_REGISTERED' });
    expect(await waitForSms(phone, 1)).toHaveLength(1);
    expect(await settledSms(phone)).toHaveLength(1);
  });

  it('lets concurrent sign-ups with one phone create exactly one account', async () => {
    const phone = uniquePhone();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: phone }) })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await waitForSms(phone, 1)).toHaveLength(1);
    expect(await settledSms(phone)).toHaveLength(1);
  });
});
