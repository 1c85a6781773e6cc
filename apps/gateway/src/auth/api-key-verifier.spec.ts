import 'reflect-metadata';
import { randomBytes, createHash } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { loadConfig, PlatformError, type RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';
import type { ApiKeyVerifier as Verifier } from './api-key-verifier.js';

// Subjects take NATS_SUBJECT_PREFIX when the contracts are first imported: this file's own prefix,
// so that no other run's revocations reach it.
process.env['NATS_SUBJECT_PREFIX'] = `verifier${randomBytes(4).toString('hex')}.`;
const { ApiKeyVerifier } = await import('./api-key-verifier.js');

/** The broadcast subject a verifier listens on (with this file's prefix). */
const subjectOf = (verifier: Verifier) => (verifier as unknown as { options: { subject: string } }).options.subject;
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for identity: accepts the keys it holds, counts the questions, can be held back. */
class Identity {
  readonly keys = new Map<string, string>();
  asked = 0;
  gate?: Promise<void>;
  readonly rpc = {
    request: async (_def: unknown, payload: { key: string }) => {
      this.asked++;
      // Read when asked; the answer may be held back on its way.
      const id = this.keys.get(payload.key);
      await this.gate;
      if (!id) throw new PlatformError('UNAUTHENTICATED', 'Invalid or revoked API key');
      return { api_key_id: id, account_id: 'account-1', mode: 'live' };
    },
  } as unknown as RpcClient;
}

const started: Verifier[] = [];
async function verifierFor(identity: Identity, cacheSeconds = 30, maxKeys = 100): Promise<Verifier> {
  const config = { NATS_URL, API_KEY_CACHE_SECONDS: cacheSeconds, API_KEY_CACHE_MAX_KEYS: maxKeys } as GatewayConfig;
  const verifier = new ApiKeyVerifier(identity.rpc, config);
  await verifier.onApplicationBootstrap();
  started.push(verifier);
  return verifier;
}

let publisher: NatsConnection;
beforeAll(async () => {
  publisher = await connect({ servers: NATS_URL });
});
afterAll(async () => {
  await Promise.all(started.map((v) => v.onApplicationShutdown()));
  await publisher.drain();
});

async function broadcastRevoked(message: Record<string, unknown>) {
  publisher.publish(subjectOf(started[0] as Verifier), JSON.stringify(message));
  await publisher.flush();
}

/** Until `check` holds (a broadcast travels through the NATS server), or fails after `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await wait(10);
  }
  throw new Error('never happened');
}

describe('ApiKeyVerifier', () => {
  it('asks identity once for a key it accepted, then answers from memory', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_a', 'key-a');
    const verifier = await verifierFor(identity);
    const first = await verifier.verify('atk_live_a');
    expect(first).toEqual({ kind: 'api-key', apiKeyId: 'key-a', accountId: 'account-1', mode: 'live' });
    expect(await verifier.verify('atk_live_a')).toEqual(first);
    expect(identity.asked).toBe(1);
    // A caller changing its copy changes nothing for the next one.
    first.accountId = 'someone else';
    expect((await verifier.verify('atk_live_a')).accountId).toBe('account-1');
  });

  it('never remembers a refusal: a key created a moment later works at once', async () => {
    const identity = new Identity();
    const verifier = await verifierFor(identity);
    await expect(verifier.verify('atk_live_new')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify('atk_live_new')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(identity.asked).toBe(2);
    identity.keys.set('atk_live_new', 'key-new');
    expect((await verifier.verify('atk_live_new')).apiKeyId).toBe('key-new');
  });

  it('asks once for concurrent requests with the same key', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_b', 'key-b');
    let open!: () => void;
    identity.gate = new Promise((resolve) => (open = resolve));
    const verifier = await verifierFor(identity);
    const answers = Promise.all(Array.from({ length: 10 }, () => verifier.verify('atk_live_b')));
    open();
    expect((await answers).every((p) => p.apiKeyId === 'key-b')).toBe(true);
    expect(identity.asked).toBe(1);
  });

  it('forgets a key as soon as identity broadcasts its revocation, by hash or by id', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_c', 'key-c');
    identity.keys.set('atk_live_d', 'key-d');
    const verifier = await verifierFor(identity);
    await verifier.verify('atk_live_c');
    await verifier.verify('atk_live_d');
    expect(identity.asked).toBe(2);

    identity.keys.delete('atk_live_c');
    await broadcastRevoked({ api_key_id: 'key-c', account_id: 'account-1', key_hash: sha256('atk_live_c') });
    await eventually(() => verifier.verify('atk_live_c').then(() => false, () => true));
    // The other key is still remembered.
    const asked = identity.asked;
    await verifier.verify('atk_live_d');
    expect(identity.asked).toBe(asked);

    identity.keys.delete('atk_live_d');
    await broadcastRevoked({ api_key_id: 'key-d' });
    await eventually(() => verifier.verify('atk_live_d').then(() => false, () => true));
  });

  it('empties the cache on a revocation it cannot read', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_e', 'key-e');
    const verifier = await verifierFor(identity);
    await verifier.verify('atk_live_e');
    identity.keys.delete('atk_live_e');
    publisher.publish(subjectOf(started[0] as Verifier), 'not json');
    await publisher.flush();
    await eventually(() => verifier.verify('atk_live_e').then(() => false, () => true));
  });

  it('does not cache an answer that was on its way when a revocation arrived', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_f', 'key-f');
    let open!: () => void;
    identity.gate = new Promise((resolve) => (open = resolve));
    const verifier = await verifierFor(identity);
    const inFlight = verifier.verify('atk_live_f');
    // The answer was read before the revocation committed; the revocation is heard first.
    verifier.forgetRevoked({ api_key_id: 'key-f' });
    identity.keys.delete('atk_live_f');
    open();
    expect((await inFlight).apiKeyId).toBe('key-f');
    await expect(verifier.verify('atk_live_f')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('asks again once the lifetime is over', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_g', 'key-g');
    const verifier = await verifierFor(identity, 1);
    await verifier.verify('atk_live_g');
    await verifier.verify('atk_live_g');
    expect(identity.asked).toBe(1);
    await wait(1050);
    await verifier.verify('atk_live_g');
    expect(identity.asked).toBe(2);
  });

  it('asks identity every time when API_KEY_CACHE_SECONDS is 0', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_h', 'key-h');
    const verifier = await verifierFor(identity, 0);
    await verifier.verify('atk_live_h');
    await verifier.verify('atk_live_h');
    expect(identity.asked).toBe(2);
  });

  it('keeps at most API_KEY_CACHE_MAX_KEYS keys', async () => {
    const identity = new Identity();
    for (let i = 0; i < 5; i++) identity.keys.set(`atk_live_${i}`, `key-${i}`);
    const verifier = await verifierFor(identity, 30, 3);
    for (let i = 0; i < 5; i++) await verifier.verify(`atk_live_${i}`);
    expect(identity.asked).toBe(5);
    await verifier.verify('atk_live_4');
    expect(identity.asked).toBe(5);
    await verifier.verify('atk_live_0');
    expect(identity.asked).toBe(6);
  });

  it('starts afresh after its NATS connection was lost (a broadcast may have been missed)', async () => {
    const identity = new Identity();
    identity.keys.set('atk_live_i', 'key-i');
    const verifier = await verifierFor(identity);
    await verifier.verify('atk_live_i');
    const inside = verifier as unknown as { connection: NatsConnection; listening: boolean };
    const statuses: string[] = [];
    void (async () => {
      for await (const status of inside.connection.status()) statuses.push(status.type);
    })();
    await inside.connection.reconnect();
    // nats.js waits reconnectTimeWait (2 s) before it dials the same server again.
    await eventually(() => statuses.includes('reconnect') && inside.listening, 20_000);
    // A revocation broadcast in the gap would have been missed: the key is asked for again.
    const asked = identity.asked;
    await verifier.verify('atk_live_i');
    expect(identity.asked).toBe(asked + 1);
    await verifier.verify('atk_live_i');
    expect(identity.asked).toBe(asked + 1);
  }, 30_000);

  it('takes its bounds from validated settings: 30 s and 10,000 keys unless told, at most 300 s', () => {
    const env = { NODE_ENV: 'development', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/airtime' };
    expect(loadConfig(GatewayConfig, env)).toMatchObject({ API_KEY_CACHE_SECONDS: 30, API_KEY_CACHE_MAX_KEYS: 10_000 });
    expect(loadConfig(GatewayConfig, { ...env, API_KEY_CACHE_SECONDS: '0' }).API_KEY_CACHE_SECONDS).toBe(0);
    for (const bad of [{ API_KEY_CACHE_SECONDS: '-1' }, { API_KEY_CACHE_SECONDS: '301' }, { API_KEY_CACHE_SECONDS: 'soon' }, { API_KEY_CACHE_MAX_KEYS: '0' }]) {
      expect(() => loadConfig(GatewayConfig, { ...env, ...bad })).toThrow(/API_KEY_CACHE_/);
    }
  });
});
