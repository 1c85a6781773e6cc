import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { e2eState } from './e2e-state.js';
import { graphql, http } from './platform-client.js';
import { latestPin, onboardingBody } from './tenants.js';

let token: Promise<string> | undefined;

/**
 * A platform operator of this test file's own: the first operator phone (from identity's
 * OPERATOR_PHONES) that no other file has onboarded yet, logged in with its PIN and a TOTP code.
 */
export function operatorToken(): Promise<string> {
  token ??= (async () => {
    const phones = [...e2eState().operatorPhones].sort(() => Math.random() - 0.5);
    for (const phone of phones) {
      const created = await http('POST', '/api/v1/onboarding/accounts', { body: onboardingBody({ user_phone: phone, name: 'Platform Ops' }) });
      if (created.status === 409) continue;
      if (created.status !== 200) throw new Error(`operator onboarding failed: ${JSON.stringify(created.body)}`);
      const otp = await generate({ secret: e2eState().operatorTotpSecrets[phone] as string });
      const login = await http('POST', '/auth/pin-authentication', { body: { phone, pin: await latestPin(phone), otp } });
      if (login.status !== 200) throw new Error(`operator login failed: ${JSON.stringify(login.body)}`);
      return login.body.data.token as string;
    }
    throw new Error('every operator phone is taken: add more to operatorPhones in global setup');
  })();
  return token;
}

/** Funds a wallet the way an operator would: an audited adjustment. */
export async function fundWallet(accountId: string, amountMinor: string, currency = 'USD', mode = 'live'): Promise<void> {
  const result = await graphql(
    `mutation($input: CreditWalletInput!) { creditWallet(input: $input) { transfer { id } } }`,
    { input: { accountId, currency, amountMinor, mode, reason: 'e2e funding', idempotencyKey: randomUUID() } },
    { token: await operatorToken() },
  );
  if (result.errors) throw new Error(`funding failed: ${JSON.stringify(result.errors)}`);
}
