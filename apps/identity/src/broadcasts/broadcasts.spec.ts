import { randomInt } from 'node:crypto';
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { type ApiKeyRevokedMessage, Broadcasts, Rpc, type UserPinChangedMessage } from '@airtime/contracts';
import { type RunningIdentity, startIdentityService } from '../testing/start-identity-service.js';
import { hashApiKey } from '../api-keys/api-key-secret.js';
import { hashPin } from '../auth/pin.js';

let identity: RunningIdentity;
let listener: NatsConnection;

beforeAll(async () => {
  identity = await startIdentityService();
  listener = await connect({ servers: identity.config.NATS_URL });
}, 60_000);
afterAll(async () => {
  await listener?.drain();
  await identity?.stop();
});

/** A user written as onboarding would (onboarding's SMS needs notifications). */
async function user(phone = `26377${String(randomInt(1_000_000, 9_999_999))}`) {
  const [account] = (await identity.db.query(
    `INSERT INTO accounts (number, name, type, level, contact_name, contact_email, contact_phone, address, city)
     VALUES ($1, 'Broadcasts', 'company', 'agent', 'T', 't@example.com', $2, '1 Road', 'Harare') RETURNING id`,
    [String(randomInt(100_000_000, 999_999_999)), phone],
  )) as { id: string }[];
  const [row] = (await identity.db.query(
    `INSERT INTO users (account_id, first_name, last_name, email, phone, pin_hash, pin_changed_at)
     VALUES ($1, 'T', 'U', 't@example.com', $2, $3, now()) RETURNING id`,
    [account?.id, phone, await hashPin('4827')],
  )) as { id: string }[];
  return { accountId: account?.id as string, userId: row?.id as string, phone };
}

/** The messages a subscription got so far. */
function collect<T>(subject: string): { messages: T[]; subscription: Subscription } {
  const messages: T[] = [];
  const subscription = listener.subscribe(subject, {
    callback: (_error, message) => {
      messages.push(message.json<T>());
    },
  });
  return { messages, subscription };
}

describe('identity broadcasts what gateways must forget (real PostgreSQL and NATS)', () => {
  it('tells of a revoked key, with its id and hash, before it answers the revocation, and again on a repeat', async () => {
    const { accountId, userId } = await user();
    const created = await identity.rpc.request(Rpc.identity.createApiKey, { account_id: accountId, user_id: userId, name: 'shop', mode: 'live' });
    const heard = collect<ApiKeyRevokedMessage>(Broadcasts.identity.apiKeyRevoked.subject);
    await listener.flush();

    await identity.rpc.request(Rpc.identity.revokeApiKey, { account_id: accountId, id: created.id });
    // identity waited for the server to take the broadcast before answering: it is here, or on its way.
    await listener.flush();
    expect(heard.messages).toEqual([{ api_key_id: created.id, account_id: accountId, key_hash: hashApiKey(created.key) }]);
    const [row] = (await identity.db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [created.id])) as { revoked_at: Date | null }[];
    expect(row?.revoked_at).not.toBeNull();

    await identity.rpc.request(Rpc.identity.revokeApiKey, { account_id: accountId, id: created.id });
    await listener.flush();
    expect(heard.messages).toHaveLength(2);
    heard.subscription.unsubscribe();
  });

  it('tells of a PIN reset, once the new PIN is stored', async () => {
    const { accountId, userId, phone } = await user();
    const heard = collect<UserPinChangedMessage>(Broadcasts.identity.userPinChanged.subject);
    await listener.flush();
    await identity.rpc.request(Rpc.identity.resetPin, { phone });
    await listener.flush();
    expect(heard.messages).toEqual([{ user_id: userId, account_id: accountId }]);
    heard.subscription.unsubscribe();
  }, 30_000);

  it('writes last_used_at at most once a minute, and not at all while it is fresh', async () => {
    const { accountId, userId } = await user();
    const created = await identity.rpc.request(Rpc.identity.createApiKey, { account_id: accountId, user_id: userId, name: 'shop', mode: 'test' });
    const lastUsed = async () =>
      ((await identity.db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [created.id])) as { last_used_at: Date | null }[])[0]?.last_used_at;
    await identity.rpc.request(Rpc.identity.verifyApiKey, { key: created.key });
    let first: Date | null | undefined;
    for (let i = 0; i < 50 && !(first = await lastUsed()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(first).toBeInstanceOf(Date);
    await identity.rpc.request(Rpc.identity.verifyApiKey, { key: created.key });
    await new Promise((r) => setTimeout(r, 100));
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
  });
});
