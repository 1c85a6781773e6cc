// tools/containers/healthcheck.mjs, the images' health check and the Kubernetes probes, against local stand-ins:
// a TCP server for NATS (a connection held open to it, as a service's NATS client holds one) and for PostgreSQL, and
// HTTP servers for the gateway's /health and provider-sim's inbox. Run: node --test tools/containers/healthcheck.test.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'healthcheck.mjs');

function probe(mode, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, mode], { env: { PATH: process.env.PATH, HEALTHCHECK_TIMEOUT_MS: '1000', ...env } }, (error, _stdout, stderr) => {
      resolve({ ok: !error, stderr });
    });
  });
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

const closers = [];
after(() => Promise.all(closers.map((close) => close())));

describe('healthcheck.mjs for a NATS service', () => {
  it('is live with its NATS connection, ready only when PostgreSQL accepts too', async () => {
    const sockets = [];
    const nats = createServer((socket) => sockets.push(socket));
    const natsPort = await listen(nats);
    const pg = createServer((socket) => socket.end());
    const pgPort = await listen(pg);
    closers.push(() => new Promise((resolve) => { for (const s of sockets) s.destroy(); nats.close(resolve); }));
    const env = { APP: 'orders', NATS_URL: `nats://127.0.0.1:${natsPort}`, DATABASE_URL: `postgres://x@127.0.0.1:${pgPort}/airtime` };

    assert.equal((await probe('live', env)).ok, false, 'no NATS connection yet: not live');
    const client = connect(natsPort, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    closers.push(async () => client.destroy());

    assert.equal((await probe('live', env)).ok, true);
    assert.equal((await probe('ready', env)).ok, true);
    await new Promise((resolve) => pg.close(resolve));
    const down = await probe('ready', env);
    assert.equal(down.ok, false);
    assert.match(down.stderr, /PostgreSQL/);
    assert.equal((await probe('live', env)).ok, true, 'PostgreSQL down must not fail liveness');
  });
});

describe('healthcheck.mjs for the gateway', () => {
  it('is ready on 200 only, live on any answer', async () => {
    let status = 200;
    const server = createHttpServer((req, res) => {
      res.statusCode = req.url === '/health' ? status : 404;
      res.end('{}');
    });
    const port = await listen(server);
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const env = { APP: 'gateway', PORT: String(port) };
    assert.equal((await probe('ready', env)).ok, true);
    status = 503;
    assert.equal((await probe('ready', env)).ok, false);
    assert.equal((await probe('live', env)).ok, true);
    assert.equal((await probe('live', { APP: 'gateway', PORT: '1' })).ok, false, 'nothing answers: not live');
  });
});
