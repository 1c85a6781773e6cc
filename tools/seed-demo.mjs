// Seeds the demo tenant through the public API, as a new business would onboard, and prints what a
// newcomer needs to try the platform: the PIN from the simulator's SMS inbox and a fresh API key.
// Safe to run again: an existing demo user gets a new PIN by reset.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const sim = process.env.SIM_URL ?? 'http://127.0.0.1:4010';
const phone = process.env.DEMO_PHONE ?? '0771000001';

async function call(method, path, body, token) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const inbox = async () => (await fetch(`${sim}/sim/sms?to=${phone}`)).json();

/** SMS go out asynchronously (through notifications): wait for the one after the `seen` before it. */
async function nextPin(seen) {
  for (let i = 0; i < 150; i++) {
    const messages = await inbox();
    const pin = messages.length > seen ? /PIN is (\d+)\./.exec(messages[0]?.message ?? '')?.[1] : undefined;
    if (pin) return pin;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no PIN SMS for ${phone} in the simulator's inbox`);
}

const seen = (await inbox()).length;

const onboarding = await call('POST', '/api/v1/onboarding/accounts', {
  name: 'Demo Airtime Reseller',
  type: 'company',
  level: 'superagent',
  contact_name: 'Demo Owner',
  contact_email: 'demo@example.com',
  contact_phone: phone,
  address: '1 Demo Street',
  city: 'Harare',
  user_firstname: 'Demo',
  user_lastname: 'Owner',
  user_email: 'demo@example.com',
  user_phone: phone,
});
if (onboarding.status === 409) {
  const reset = await call('POST', '/auth/pin-reset', { phone });
  if (reset.status !== 200) throw new Error(`PIN reset of the demo user failed: ${JSON.stringify(reset.body)}`);
} else if (onboarding.status !== 200) {
  throw new Error(`onboarding the demo tenant failed: ${JSON.stringify(onboarding.body)}`);
}

const pin = await nextPin(seen);
const login = await call('POST', '/auth/pin-authentication', { phone, pin });
if (login.status !== 200) throw new Error(`demo login failed: ${JSON.stringify(login.body)}`);
const key = await call('POST', '/api/v1/api-keys', { name: `demo ${new Date().toISOString()}`, mode: 'test' }, login.body.data.token);
if (key.status !== 201) throw new Error(`demo API key creation failed: ${JSON.stringify(key.body)}`);
const account = await call('GET', '/api/v1/account', undefined, login.body.data.token);

console.log(`
Demo tenant ready
  account:  ${account.body.data.name} (${account.body.data.number})
  login:    phone ${phone}, PIN ${pin}   (POST /auth/pin-authentication)
  API key:  ${key.body.data.key}
            curl -H "Authorization: Api-Key ${key.body.data.key}" ${gateway}/api/v1/account
`);
