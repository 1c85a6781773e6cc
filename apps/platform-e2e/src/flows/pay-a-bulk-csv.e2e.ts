import { readFileSync } from 'node:fs';
import { graphql, http } from '../support/platform-client.js';
import { balanceOf, fundedShop } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';
import { startReceiver } from '../support/webhook-receiver.js';

/** The gateway's own messy sheet: BOM, `;`, CRLF, quoted cells, mixed networks, bad rows, blank trailing rows. */
const MESSY = readFileSync(new URL('../../../gateway/src/bulk/fixtures/messy-staff-allowances.csv', import.meta.url));

/** Polls the batch until it has a completed_at (every row final). */
async function finishedBatch(key: string, id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await http('GET', `/api/v1/bulk/${id}`, { apiKey: key });
    if (body.completed_at || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('paying a bulk CSV (001)', () => {
  let secret = '';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(() => secret);
  });
  afterAll(() => receiver?.close());

  it('runs the previewed messy sheet: every good row paid once, the bad ones named in results.csv, the same batch_reference answering the same batch', async () => {
    const shop = await fundedShop(await onboardTenant());
    const endpoint = await http('POST', '/api/v1/webhooks', { apiKey: shop.key, body: { url: receiver.url, events: ['batch.completed'] } });
    expect(endpoint.status).toBe(201);
    secret = endpoint.body.data.secret;
    const preview = await http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body: MESSY.toString('utf8'), headers: { 'content-type': 'text/csv' } });
    expect(preview.body.totals[0]).toMatchObject({ amount: '23.50', sufficient: true });

    const started = await http('POST', '/api/v1/bulk', { apiKey: shop.key, body: { preview_id: preview.body.preview_id, batch_reference: 'allowances-nov' } });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ batch_reference: 'allowances-nov', row_count: 10 });
    const again = await http('POST', '/api/v1/bulk', { apiKey: shop.key, body: { preview_id: preview.body.preview_id, batch_reference: 'allowances-nov' } });
    expect(again.body.batch_id).toBe(started.body.batch_id);

    const done = await finishedBatch(shop.key, started.body.batch_id);
    expect(done).toMatchObject({ status: 'completed', counts: { success: 5, invalid: 5 } });
    expect(done.amounts).toEqual([{ currency: 'USD', sent: '23.50', sent_minor: '2350', refunded: '0.00', refunded_minor: '0' }]);
    expect(await balanceOf(shop.key)).toBe(String(10_000 - 2350));
    const debits = await http('GET', '/api/v1/wallet/ledger?kind=debit', { apiKey: shop.key });
    expect(debits.body.data.entries).toHaveLength(5);
    // Once every row is final, one signed batch.completed webhook with the batch as GET shows it.
    const [completed] = await receiver.waitFor(1);
    expect(completed?.verified).toBe(true);
    expect(completed?.body).toMatchObject({ type: 'batch.completed', data: { batch_id: started.body.batch_id, status: 'completed', counts: { success: 5, invalid: 5 } } });

    const results = await http('GET', `/api/v1/bulk/${started.body.batch_id}/results.csv`, { apiKey: shop.key });
    expect(results.status).toBe(200);
    expect(results.headers.get('content-type')).toContain('text/csv');
    const lines = String(results.body).trim().split('\r\n');
    expect(lines[0]).toBe('row,target,amount,product_id,agent_reference,custom_sms,status,order_id,provider_ref,error');
    const byRow = Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[0], l]));
    expect(Object.keys(byRow)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(byRow['2']).toMatch(/^2,263772279099,5,100,staff-001,"Allowance; November",success,[0-9a-f-]{36},\S+,$/);
    expect(byRow['4']).toMatch(/^4,263733123456,10,102,allowances-nov-r4,"Thanks, team",success,/);
    expect(byRow['10']).toBe('10,0771000555,3,,staff-001,,invalid,,,agent_reference staff-001 is also on row 2');
    expect(byRow['6']).toMatch(/^6,0772000222,abc,,staff-005,,invalid,,,"amount ""abc"" is not a number/);

    // Each row is an ordinary order, found by its own reference.
    const order = await http('GET', '/api/v1/orders/allowances-nov-r4', { apiKey: shop.key });
    expect(order.body).toMatchObject({ status: 'success', product_id: 102, network: 'telecel', batch_id: started.body.batch_id });
    const reused = await http('POST', '/api/v1/bulk', { apiKey: shop.key, body: { preview_id: preview.body.preview_id, batch_reference: 'allowances-nov-2' } });
    expect(reused.status).toBe(409);
  });

  it('cancels a batch: rows not yet dispatched are skipped and not paid', async () => {
    const shop = await fundedShop(await onboardTenant());
    // Numbers ending 0010, 0020, …: none of the simulators' test endings (0001–0008), so every dispatched row succeeds.
    const sheet = `target,amount\n${Array.from({ length: 200 }, (_, i) => `0772${String(100000 + 10 * (i + 1))},1`).join('\n')}\n`;
    const started = await http('POST', '/api/v1/bulk', { apiKey: shop.key, body: { csv: sheet, batch_reference: 'to-cancel' } });
    expect(started.status).toBe(200);
    const cancelled = await http('POST', `/api/v1/bulk/${started.body.batch_id}/cancel`, { apiKey: shop.key });
    expect(cancelled.body.status).toBe('cancelled');
    const done = await finishedBatch(shop.key, started.body.batch_id);
    const paid = (done.counts.success ?? 0) as number;
    expect(done.counts.skipped).toBeGreaterThan(0);
    expect(paid + done.counts.skipped).toBe(200);
    expect(await balanceOf(shop.key)).toBe(String(10_000 - 100 * paid));
  });

  it('previews a messy spreadsheet export the same whichever way it is sent, moving no money', async () => {
    const shop = await fundedShop(await onboardTenant(), '2000');

    const asCsv = await http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body: MESSY.toString('utf8'), headers: { 'content-type': 'text/csv' } });
    expect(asCsv.status).toBe(200);
    expect(asCsv.body).toMatchObject({ mode: 'live', row_count: 10, ok_count: 4, warning_count: 1, error_count: 5, rows_truncated: false });
    expect(asCsv.body.totals).toEqual([{ currency: 'USD', count: 5, amount: '23.50', amount_minor: '2350', balance: '20.00', balance_minor: '2000', sufficient: false }]);
    const problems = Object.fromEntries(asCsv.body.rows.map((r: { row: number; status: string; errors: { column: string; code: string }[]; warnings: { column: string; code: string }[] }) =>
      [r.row, [r.status, ...r.errors.map((e) => `${e.column}:${e.code}`), ...r.warnings.map((w) => `${w.column}:${w.code}`)]]));
    expect(problems).toEqual({
      6: ['error', 'amount:INVALID_AMOUNT'],
      7: ['error', 'amount:MISSING'],
      8: ['error', 'target:INVALID_TARGET'],
      9: ['error', 'amount:AMOUNT_OUT_OF_RANGE'],
      10: ['error', 'agent_reference:DUPLICATE_REFERENCE'],
      11: ['warning', 'target:DUPLICATE_PAYMENT'],
    });

    const form = new FormData();
    form.append('file', new Blob([MESSY], { type: 'text/csv' }), 'allowances.csv');
    const asFile = await http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body: form });
    const asJson = await http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body: { csv: MESSY.toString('utf8') } });
    for (const other of [asFile, asJson]) {
      expect([other.status, other.status === 200 ? null : other.body]).toEqual([200, null]);
      expect({ ...other.body, preview_id: null, expires_at: null }).toEqual({ ...asCsv.body, preview_id: null, expires_at: null });
      expect(other.body.preview_id).not.toBe(asCsv.body.preview_id);
    }

    const wallet = await http('GET', '/api/v1/wallet', { apiKey: shop.key });
    expect(wallet.body.data.find((w: { currency: string }) => w.currency === 'USD').balance_minor).toBe('2000');
    const orders = await http('GET', '/api/v1/wallet/ledger?kind=debit', { apiKey: shop.key });
    expect(orders.body.data.entries).toEqual([]);
  });

  it('refuses what is not a sheet as bad input: no header, no body, a binary file, too many rows', async () => {
    const shop = await fundedShop(await onboardTenant());
    const send = (body: unknown, headers: Record<string, string> = {}) => http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body, headers });

    for (const refused of [
      await send('name,amount\nBob,5\n', { 'content-type': 'text/csv' }),
      await send({}),
      await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]).toString('latin1'), { 'content-type': 'text/csv' }),
      await send(`target,amount\n${'0772279099,1\n'.repeat(10_001)}`, { 'content-type': 'text/csv' }),
    ]) {
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ status: 'error', code: 'VALIDATION_FAILED' });
    }
    const tooLarge = await send(`target,amount,custom_sms\n${`0772279099,1,${'x'.repeat(150)}\n`.repeat(30_000)}`, { 'content-type': 'text/csv' });
    expect(tooLarge.status).toBe(413);
    const anonymous = await http('POST', '/api/v1/bulk/preview', { body: 'target,amount\n0772279099,1\n', headers: { 'content-type': 'text/csv' } });
    expect(anonymous.status).toBe(401);
  });

  it('previews a 10,000-row sheet, staged in chunks under NATS’s message size', async () => {
    const shop = await fundedShop(await onboardTenant());
    const sheet = `target,amount,agent_reference,custom_sms\n${Array.from({ length: 10_000 }, (_, i) => `07720${String(i).padStart(5, '0')},1,row-${i},${'Thank you for your survey answers! '.repeat(4)}`).join('\n')}\n`;
    const preview = await http('POST', '/api/v1/bulk/preview', { apiKey: shop.key, body: sheet, headers: { 'content-type': 'text/csv' } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ row_count: 10_000, ok_count: 10_000, error_count: 0, totals: [{ currency: 'USD', count: 10_000, amount: '10000.00' }] });
  }, 60_000);

  it('previews, runs and follows a sheet from the dashboard over GraphQL', async () => {
    const shop = await fundedShop(await onboardTenant());
    const csv = 'target,amount,agent_reference\n0772279099,2,gql-1\n0712345678,3,gql-2\n0242123456,1,gql-3\n';
    const preview = await graphql(
      'mutation ($input: PreviewBulkInput!) { previewBulk(input: $input) { preview { previewId okCount errorCount totals { currency amount balance sufficient } rows { row status errors { column code } } } } }',
      { input: { csv } }, { apiKey: shop.key },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewBulk.preview).toMatchObject({ okCount: 2, errorCount: 1, totals: [{ currency: 'USD', amount: '5.00', balance: '100.00', sufficient: true }], rows: [{ row: 4, status: 'error', errors: [{ column: 'target', code: 'INVALID_TARGET' }] }] });

    const run = await graphql('mutation ($input: RunBulkInput!) { runBulk(input: $input) { batch { id status progress { batchReference } } } }',
      { input: { previewId: preview.data.previewBulk.preview.previewId, batchReference: 'dashboard-1' } }, { apiKey: shop.key });
    expect(run.errors).toBeUndefined();
    expect(run.data.runBulk.batch.progress).toEqual({ batchReference: 'dashboard-1' });
    const batchId = run.data.runBulk.batch.id;

    const deadline = Date.now() + 30_000;
    let progress: any;
    while (Date.now() < deadline) {
      const found = await graphql('query ($id: ID!) { node(id: $id) { ... on Batch { status progress { status rowCount completedAt counts { status count } amounts { currency sent refunded } } } } }', { id: batchId }, { apiKey: shop.key });
      progress = found.data.node.progress;
      if (progress.completedAt) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(progress).toMatchObject({ status: 'completed', rowCount: 3, amounts: [{ currency: 'USD', sent: '5.00', refunded: '0.00' }] });
    expect(Object.fromEntries(progress.counts.map((c: { status: string; count: number }) => [c.status, c.count]))).toEqual({ success: 2, invalid: 1 });

    const cancelled = await graphql('mutation ($input: CancelBatchInput!) { cancelBatch(input: $input) { batch { status } } }', { input: { id: batchId } }, { apiKey: shop.key });
    expect(cancelled.data.cancelBatch.batch.status).toBe('completed');
  });
});
