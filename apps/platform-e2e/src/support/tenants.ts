import { randomInt } from 'node:crypto';
import { e2eState } from './e2e-state.js';
import { http } from './platform-client.js';

const issued = new Set<string>();

/**
 * A random Econet number in local form (077… or 078…), never one of the simulators' test numbers
 * (ending 0001 to 0008 misbehave on purpose), and not one this file used before.
 */
export function uniquePhone(): string {
  for (;;) {
    const phone = `07${7 + randomInt(0, 2)}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    const ending = Number(phone.slice(-4));
    if (ending >= 1 && ending <= 8) continue;
    if (issued.has(phone)) continue;
    issued.add(phone);
    return phone;
  }
}

export function internationalOf(localZw: string): string {
  return `263${localZw.slice(1)}`;
}

/** 000's onboarding example with fresh phones. */
export function onboardingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const phone = uniquePhone();
  return {
    name: 'Sean Inc',
    type: 'company',
    level: 'superagent',
    contact_name: 'Sean',
    contact_email: 'sean@example.com',
    contact_phone: phone,
    address: '63 Glenelg Road Vainona',
    city: 'Harare',
    user_firstname: 'Sean',
    user_lastname: 'Omega',
    user_email: 'sean@example.com',
    user_phone: phone,
    ...overrides,
  };
}

export interface SimulatedSms {
  to: string;
  message: string;
  received_at: string;
}

export async function smsTo(phone: string): Promise<SimulatedSms[]> {
  const response = await fetch(`${e2eState().simUrl}/sim/sms?to=${encodeURIComponent(phone)}`);
  return (await response.json()) as SimulatedSms[];
}

/**
 * The SMS to this phone once there are at least `count` (they go out asynchronously, through
 * notifications and the Africa's Talking simulator), newest first.
 */
export async function waitForSms(phone: string, count: number, timeoutMs = 10_000): Promise<SimulatedSms[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const inbox = await smsTo(phone);
    if (inbox.length >= count || Date.now() > deadline) return inbox;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The inbox after long enough for a queued SMS to have arrived: for asserting that none was sent. */
export async function settledSms(phone: string): Promise<SimulatedSms[]> {
  await new Promise((r) => setTimeout(r, 1500));
  return smsTo(phone);
}

/** The PIN in the newest SMS to this phone, once the `nth` SMS has arrived. */
export async function latestPin(phone: string, nth = 1): Promise<string> {
  const [newest] = await waitForSms(phone, nth);
  const pin = newest ? /PIN is (\d+)\./.exec(newest.message)?.[1] : undefined;
  if (!pin) throw new Error(`no PIN SMS for ${phone}`);
  return pin;
}

export interface Tenant {
  accountId: string;
  phone: string;
  pin: string;
  token: string;
}

/** Onboards a business, reads its PIN from the SMS inbox and logs in. */
export async function onboardTenant(overrides: Record<string, unknown> = {}): Promise<Tenant> {
  let body = onboardingBody(overrides);
  let created = await http('POST', '/api/v1/onboarding/accounts', { body });
  // Another test file may have drawn the same random phone: draw again.
  for (let tries = 0; created.status === 409 && tries < 5 && !overrides['user_phone']; tries++) {
    body = onboardingBody(overrides);
    created = await http('POST', '/api/v1/onboarding/accounts', { body });
  }
  if (created.status !== 200) throw new Error(`onboarding failed: ${created.status} ${JSON.stringify(created.body)}`);
  const phone = body['user_phone'] as string;
  const pin = await latestPin(phone);
  const login = await http('POST', '/auth/pin-authentication', { body: { phone, pin } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { accountId: created.body.data.id, phone, pin, token: login.body.data.token };
}

export async function createApiKey(tenant: Tenant, name = 'integration', mode = 'live'): Promise<{ id: string; key: string }> {
  const created = await http('POST', '/api/v1/api-keys', { token: tenant.token, body: { name, mode } });
  if (created.status !== 201) throw new Error(`api key creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.data.id, key: created.body.data.key };
}
