import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eState } from '../support/e2e-state.js';
import { operatorToken } from '../support/operator.js';
import { http } from '../support/platform-client.js';
import { onboardTenant } from '../support/tenants.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('GET /health', () => {
  it('tells the public only whether the platform is up, and names no host, process or service', async () => {
    const { status, body } = await http('GET', '/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'up' });
  });

  it('shows operators every service, PostgreSQL, NATS and Redis at /health/details; nobody else', async () => {
    expect((await http('GET', '/health/details')).status).toBe(401);
    const tenant = await onboardTenant();
    expect((await http('GET', '/health/details', { token: tenant.token })).body).toMatchObject({ status: 'error', code: 'FORBIDDEN' });

    const { status, body } = await http('GET', '/health/details', { token: await operatorToken() });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'up', postgres: { status: 'up' }, nats: { status: 'up' }, redis: { status: 'up' } });
    expect(body.gateway).toMatchObject({ instance: expect.stringMatching(/:\d+$/), node: process.version });
    expect(Object.keys(body.services).sort()).toEqual(['identity', 'notifications', 'orders', 'provider-adapters', 'wallet']);
    for (const service of Object.values<Record<string, unknown>>(body.services)) {
      expect(service).toMatchObject({ status: 'up', database: 'up', instance: expect.any(String) });
    }
  });

  it('answers 503 when the services do not answer, and tells operators which', async () => {
    // A second gateway on a subject prefix no service listens on sees every service down (a loaded machine may take a minute to start it).
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const gateway = spawn(process.execPath, [path.join(ROOT, 'dist/apps/gateway/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        PORT: String(port),
        NATS_SUBJECT_PREFIX: `${e2eState().subjectPrefix}lonely.`,
        DATABASE_URL: e2eState().databaseUrl,
        JWT_SECRET: e2eState().jwtSecret,
        HEALTH_TIMEOUT_MS: '300',
        // No internal metrics port: the default one (9464) would collide with other platforms on this host.
        METRICS_PORT: '0',
      },
      stdio: 'ignore',
    });
    try {
      let response: Response | undefined;
      for (let i = 0; i < 240 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (!response) await new Promise((r) => setTimeout(r, 250));
      }
      expect(response?.status).toBe(503);
      expect(await response?.json()).toEqual({ status: 'down' });
      // Identity is among the services down: an operator's signed token is then enough to read the details.
      const details = await fetch(`http://127.0.0.1:${port}/health/details`, { headers: { authorization: `Bearer ${await operatorToken()}` } });
      expect(details.status).toBe(503);
      const body = (await details.json()) as { services: Record<string, unknown> };
      expect(body).toMatchObject({ status: 'down', postgres: { status: 'up' }, nats: { status: 'up' }, redis: { status: 'up' } });
      expect(body.services.identity).toEqual({ status: 'down' });
    } finally {
      gateway.kill('SIGKILL');
    }
  }, 90_000);
});

describe('request ids', () => {
  it("echoes the caller's X-Request-Id, and makes one when it is missing or unsafe", async () => {
    const given = await http('GET', '/health', { headers: { 'x-request-id': 'shop-7f3a.1' } });
    expect(given.headers.get('x-request-id')).toBe('shop-7f3a.1');
    const unsafe = await http('GET', '/health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await http('GET', '/health');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
