import { EventEmitter } from 'node:events';
import { type ConnectionGrant, ConnectionRefused, watchConnection } from './subscription-auth.js';

/** A stand-in for the ws socket: records how it was closed. */
class Socket extends EventEmitter {
  closed?: { code: number; reason: string };
  close(code: number, reason: string) {
    this.closed ??= { code, reason };
    this.emit('close');
  }
}

const grant = (expiresAtMs?: number): ConnectionGrant => ({
  principal: { kind: 'api-key', apiKeyId: 'k', accountId: 'a', mode: 'live' },
  ...(expiresAtMs ? { expiresAtMs } : {}),
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an open subscription connection', () => {
  it('is closed with 4401 when its token expires', async () => {
    const socket = new Socket();
    watchConnection(socket, grant(Date.now() + 150), async () => grant(), 60);
    await wait(50);
    expect(socket.closed).toBeUndefined();
    await wait(200);
    expect(socket.closed).toEqual({ code: 4401, reason: 'Token expired' });
  });

  it('is closed with 4403 once a re-check refuses its credentials, and stays open while identity does not answer', async () => {
    const socket = new Socket();
    const answers: (() => Promise<ConnectionGrant>)[] = [
      () => Promise.reject(new Error('identity timed out')),
      async () => grant(),
      () => Promise.reject(new ConnectionRefused('Invalid or revoked API key')),
    ];
    watchConnection(socket, grant(), () => (answers.shift() ?? (async () => grant()))(), 0.1);
    await wait(250);
    expect(socket.closed).toBeUndefined();
    await wait(150);
    expect(socket.closed).toEqual({ code: 4403, reason: 'Credentials revoked' });
  });

  it('stops checking once the client went away', async () => {
    const socket = new Socket();
    let checks = 0;
    watchConnection(socket, grant(Date.now() + 100), async () => (checks++, grant()), 0.05);
    socket.emit('close');
    await wait(200);
    expect(checks).toBe(0);
    expect(socket.closed).toBeUndefined();
  });
});
