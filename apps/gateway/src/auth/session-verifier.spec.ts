import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { PlatformError, type RpcClient } from '@airtime/platform';
import type { GatewayConfig } from '../config/gateway.config.js';
import type { SessionVerifier as Verifier } from './session-verifier.js';

// This file's own subject prefix (read when the contracts are first imported).
process.env['NATS_SUBJECT_PREFIX'] = `sessions${randomBytes(4).toString('hex')}.`;
const { SessionVerifier } = await import('./session-verifier.js');

/** The broadcast subject a verifier listens on (with this file's prefix). */
const subjectOf = (verifier: Verifier) => (verifier as unknown as { options: { subject: string } }).options.subject;
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for identity's verifySession: the users' current PIN versions and operator phones. */
class Identity {
  readonly pinVersions = new Map<string, number>();
  asked = 0;
  readonly rpc = {
    request: async (_def: unknown, payload: { user_id: string; pin_version: number; operator: boolean }) => {
      this.asked++;
      if (this.pinVersions.get(payload.user_id) !== payload.pin_version) throw new PlatformError('UNAUTHENTICATED', 'Session has ended: log in again');
      return { operator: payload.operator };
    },
  } as unknown as RpcClient;
}

let publisher: NatsConnection;
const started: Verifier[] = [];
beforeAll(async () => {
  publisher = await connect({ servers: NATS_URL });
});
afterAll(async () => {
  await Promise.all(started.map((v) => v.onApplicationShutdown()));
  await publisher.drain();
});

async function verifierFor(identity: Identity): Promise<Verifier> {
  const config = { NATS_URL, SESSION_CACHE_SECONDS: 30, SESSION_CACHE_MAX_SESSIONS: 100 } as GatewayConfig;
  const verifier = new SessionVerifier(identity.rpc, config);
  await verifier.onApplicationBootstrap();
  started.push(verifier);
  return verifier;
}

describe('SessionVerifier', () => {
  it('remembers that a session stands until identity broadcasts a PIN change, which ends it at once', async () => {
    const identity = new Identity();
    identity.pinVersions.set('user-1', 1000).set('user-2', 2000);
    const verifier = await verifierFor(identity);
    const claims = { sub: 'user-1', acc: 'account-1', pv: 1000 };
    expect(await verifier.confirm(claims)).toEqual({ kind: 'user', userId: 'user-1', accountId: 'account-1', operator: false });
    await verifier.confirm(claims);
    await verifier.confirm({ sub: 'user-2', acc: 'account-1', pv: 2000 });
    expect(identity.asked).toBe(2);

    identity.pinVersions.set('user-1', 1001);
    publisher.publish(subjectOf(started[0] as Verifier), JSON.stringify({ user_id: 'user-1', account_id: 'account-1' }));
    await publisher.flush();
    for (let i = 0; i < 200 && (await verifier.confirm(claims).then(() => true, () => false)); i++) await wait(10);
    await expect(verifier.confirm(claims)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // The other user's session is still remembered.
    const asked = identity.asked;
    await verifier.confirm({ sub: 'user-2', acc: 'account-1', pv: 2000 });
    expect(identity.asked).toBe(asked);
  });

  it('asks about an operator token every time (operator rights are re-read on each request)', async () => {
    const identity = new Identity();
    identity.pinVersions.set('operator', 5);
    const verifier = await verifierFor(identity);
    const claims = { sub: 'operator', acc: 'account-1', pv: 5, op: true as const };
    expect((await verifier.confirm(claims)).kind).toBe('user');
    await verifier.confirm(claims);
    expect(identity.asked).toBe(2);
  });

  it('refuses a token without a PIN version without asking, and never remembers an ended session', async () => {
    const identity = new Identity();
    const verifier = await verifierFor(identity);
    await expect(verifier.confirm({ sub: 'user-3', acc: 'account-1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(identity.asked).toBe(0);
    await expect(verifier.confirm({ sub: 'user-3', acc: 'account-1', pv: 7 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    identity.pinVersions.set('user-3', 7);
    expect((await verifier.confirm({ sub: 'user-3', acc: 'account-1', pv: 7 })).kind).toBe('user');
  });
});
