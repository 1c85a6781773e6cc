import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const NO_SUCH_DATABASE = 'postgres://postgres@127.0.0.1:5432/airtime_never_created';

/**
 * Runs a built app with only the given environment (no NODE_ENV: production is the default) and
 * returns how it ended and what it printed. An app that starts anyway is stopped after 45 s (a busy
 * machine can take many seconds just to load an app).
 */
function startWith(app: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', app, 'main.js')], {
      cwd: ROOT,
      // METRICS_PORT 0: an app that starts anyway must not take the default port other test platforms may want.
      env: { PATH: process.env['PATH'] ?? '', NATS_SUBJECT_PREFIX: `refuse${process.pid}.`, METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('an app started without NODE_ENV runs as production and refuses to start insecurely', () => {
  it('gateway and identity: without JWT_SECRET (no public default secret can sign an operator token)', async () => {
    for (const app of ['gateway', 'identity']) {
      const { code, output } = await startWith(app, { DATABASE_URL: NO_SUCH_DATABASE });
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(output).toContain('JWT_SECRET');
    }
  }, 120_000);

  it('notifications: without the key that seals webhook secrets', async () => {
    const { code, output } = await startWith('notifications', { DATABASE_URL: NO_SUCH_DATABASE });
    expect(code).not.toBe(0);
    expect(output).toContain('WEBHOOK_SECRET_KEY');
  }, 60_000);

  it('orders: without the key that seals campaign secrets', async () => {
    const { code, output } = await startWith('orders', { DATABASE_URL: NO_SUCH_DATABASE });
    expect(code).not.toBe(0);
    expect(output).toContain('CAMPAIGN_SECRET_KEY');
  }, 60_000);

  it("provider-adapters: without Pesepay's keys and URLs (no simulator default in production)", async () => {
    const { code, output } = await startWith('provider-adapters', { DATABASE_URL: NO_SUCH_DATABASE });
    expect(code).not.toBe(0);
    for (const name of ['PESEPAY_INTEGRATION_KEY', 'PESEPAY_ENCRYPTION_KEY', 'PESEPAY_BASE_URL', 'PESEPAY_SANDBOX_BASE_URL']) expect(output).toContain(name);
  }, 60_000);

  it("wallet: without the gateway's public URL that Pesepay's callbacks use", async () => {
    const { code, output } = await startWith('wallet', { DATABASE_URL: NO_SUCH_DATABASE });
    expect(code).not.toBe(0);
    expect(output).toContain('PUBLIC_BASE_URL');
  }, 60_000);

  it('never prints a secret it was given while refusing', async () => {
    const secret = 'x'.repeat(20);
    const { code, output } = await startWith('gateway', { DATABASE_URL: NO_SUCH_DATABASE, JWT_SECRET: secret });
    expect(code).not.toBe(0);
    expect(output).toContain('JWT_SECRET must be at least 32 characters');
    expect(output).not.toContain(secret);
  }, 60_000);
});
