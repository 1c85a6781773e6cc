import type { RunningPlatform } from '../support/platform-processes.js';
import { ownPlatform } from '../support/own-platform.js';
import { fundWallet } from '../support/operator.js';
import { http, type HttpResult } from '../support/platform-client.js';
import { createApiKey, onboardTenant } from '../support/tenants.js';

let platform: RunningPlatform;
beforeAll(async () => {
  // Leases lapse after 5 s, so the restarted orders takes over the killed one's rows within the test.
  platform = await ownPlatform({ label: 'bulk-restart', env: { BULK_LEASE_SECONDS: '5', BULK_CONCURRENCY: '4' } });
}, Number(process.env['E2E_STARTUP_TIMEOUT_MS'] ?? 60_000) + 60_000);
afterAll(() => platform?.stopAll(), 60_000);

const ROWS = 300;

async function progress(key: string, id: string) {
  return (await http('GET', `/api/v1/bulk/${id}`, { apiKey: key })).body;
}

describe('a bulk batch when orders is killed mid-run', () => {
  it('finishes after orders returns, every row paid exactly once', async () => {
    const tenant = await onboardTenant();
    const { key } = await createApiKey(tenant);
    await fundWallet(tenant.accountId, '100000');
    // Numbers ending 0010, 0020, …: none of the simulators' test endings, so every row succeeds.
    const sheet = `target,amount\n${Array.from({ length: ROWS }, (_, i) => `0772${String(100000 + 10 * (i + 1))},1`).join('\n')}\n`;
    const started = await http('POST', '/api/v1/bulk', { apiKey: key, body: { csv: sheet, batch_reference: 'killed-mid-run' } });
    expect(started.status).toBe(200);
    const id: string = started.body.batch_id;

    // Some rows paid, most not yet: kill orders without a chance to finish anything.
    let deadline = Date.now() + 30_000;
    while (((await progress(key, id)).counts.success ?? 0) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await platform.stop('orders', 0, 'SIGKILL');
    const during: HttpResult = await http('GET', `/api/v1/bulk/${id}`, { apiKey: key });
    expect(during.status).toBeGreaterThanOrEqual(500);

    platform.start('orders');
    deadline = Date.now() + 90_000;
    let done = await progress(key, id).catch(() => undefined);
    while (!done?.completed_at && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      done = await progress(key, id).catch(() => undefined);
    }
    expect(done).toMatchObject({ status: 'completed', counts: { success: ROWS }, amounts: [{ currency: 'USD', sent: `${ROWS}.00` }] });

    // Exactly one debit per row, none refunded, and the balance is what the rows cost.
    const debits: { order_id: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult = await http('GET', `/api/v1/wallet/ledger?kind=debit&limit=500${cursor ? `&cursor=${cursor}` : ''}`, { apiKey: key });
      debits.push(...page.body.data.entries);
      cursor = page.body.data.next_cursor;
    } while (cursor);
    expect(debits).toHaveLength(ROWS);
    expect(new Set(debits.map((d) => d.order_id)).size).toBe(ROWS);
    const wallet = await http('GET', '/api/v1/wallet', { apiKey: key });
    expect(wallet.body.data[0].balance_minor).toBe(String(100_000 - 100 * ROWS));

    const results = await http('GET', `/api/v1/bulk/${id}/results.csv`, { apiKey: key });
    const lines = String(results.body).trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(ROWS);
    expect(lines.every((l) => l.split(',')[6] === 'success')).toBe(true);
  }, 180_000);
});
