import { randomUUID } from 'node:crypto';
import { type BulkRowInput, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { startOrdersService } from '../../../testing/start-orders-service.js';

const orders = forEachFile(() => startOrdersService(), (o) => o.peers.reset());

/** A sheet of mixed networks and mistakes, as the gateway stages it after reading the CSV. */
const SHEET: BulkRowInput[] = [
  { row: 2, target: '0772 279 099', amount: '5', agent_reference: 'staff-001', custom_sms: 'Allowance; November' },
  { row: 3, target: '+263712345678', amount: '2.50', agent_reference: 'staff-002' },
  { row: 4, target: '0733 123 456', amount: '10' },
  { row: 5, target: '263782000111', amount: '1', agent_reference: 'staff-004' },
  { row: 6, target: '0772000222', amount: 'abc', agent_reference: 'staff-005', errors: [{ row: 6, column: 'amount', code: 'INVALID_AMOUNT', message: 'amount "abc" is not a number' }] },
  { row: 8, target: '0242 123 456', amount: '5', agent_reference: 'staff-007' },
  { row: 9, target: '0772000444', amount: '500', agent_reference: 'staff-008' },
  { row: 10, target: '0771000555', amount: '3', agent_reference: 'staff-001' },
  { row: 11, target: '0772 279 099', amount: '5', agent_reference: 'staff-010' },
  { row: 12, target: '0772279099', amount: '50', currency: 'ZWG' },
  { row: 13, target: '0712345678', amount: '5', product_id: 100 },
  { row: 14, target: '0712345678', amount: '5', product_id: 999 },
];

async function stage(accountId: string, sheet: BulkRowInput[], chunk = 5, mode: 'live' | 'test' = 'live') {
  let previewId: string | undefined;
  for (let at = 0; at < sheet.length; at += chunk) {
    const staged = await orders.rpc.request(Rpc.orders.stageBulkRows, { account_id: accountId, mode, ...(previewId && { preview_id: previewId }), rows: sheet.slice(at, at + chunk) });
    previewId = staged.preview_id;
  }
  return previewId as string;
}

describe('previewing a bulk sheet', () => {
  it('checks every row as an order would be checked, names each problem by row and column, and totals per currency', async () => {
    const accountId = randomUUID();
    const previewId = await stage(accountId, SHEET);

    const preview = await orders.rpc.request(Rpc.orders.previewBulk, { account_id: accountId, mode: 'live', preview_id: previewId });

    expect(preview).toMatchObject({ preview_id: previewId, mode: 'live', row_count: 12, ok_count: 5, warning_count: 1, error_count: 6, rows_truncated: false });
    expect(new Date(preview.expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(preview.totals).toEqual([
      // 5 + 2.50 + 10 + 1 + 5 (row 11, a warning, is still paid)
      { currency: 'USD', count: 5, amount: '23.50', amount_minor: '2350' },
      { currency: 'ZWG', count: 1, amount: '50.00', amount_minor: '5000' },
    ]);
    const problems = Object.fromEntries(preview.rows.map((r) => [r.row, [r.status, ...r.errors.map((e) => `${e.column}:${e.code}`), ...r.warnings.map((w) => `${w.column}:${w.code}`)]]));
    expect(problems).toEqual({
      6: ['error', 'amount:INVALID_AMOUNT'],
      8: ['error', 'target:INVALID_TARGET'],
      // 500 would fit the ZWG product's range, but a row without a currency is in the network's first product's (USD).
      9: ['error', 'amount:AMOUNT_OUT_OF_RANGE'],
      10: ['error', 'agent_reference:DUPLICATE_REFERENCE'],
      11: ['warning', 'target:DUPLICATE_PAYMENT'],
      13: ['error', 'target:INVALID_TARGET'],
      14: ['error', 'product_id:PRODUCT_NOT_FOUND'],
    });
    expect(preview.rows.find((r) => r.row === 10)?.errors[0]?.message).toContain('row 2');

    // What each good row buys is kept: the network's product, the number as sent upstream, the exact amount.
    const kept = (await orders.db.query(`SELECT row, resolved_product_id, msisdn, amount_minor, resolved_currency FROM bulk_preview_rows WHERE preview_id = $1 AND status <> 'error' ORDER BY row`, [previewId])) as Record<string, unknown>[];
    expect(kept.map((r) => [r['row'], r['resolved_product_id'], r['msisdn'], r['amount_minor'], r['resolved_currency']])).toEqual([
      [2, 100, '263772279099', '500', 'USD'],
      [3, 101, '263712345678', '250', 'USD'],
      [4, 102, '263733123456', '1000', 'USD'],
      [5, 100, '263782000111', '100', 'USD'],
      [11, 100, '263772279099', '500', 'USD'],
      [12, 103, '263772279099', '5000', 'ZWG'],
    ]);
  });

  it("keeps a preview to its own account and mode, and takes no rows once it is checked", async () => {
    const accountId = randomUUID();
    const previewId = await stage(accountId, SHEET.slice(0, 2));
    const other = (request: Record<string, unknown>) => failureOf(orders.rpc.request(Rpc.orders.previewBulk, { account_id: accountId, mode: 'live', preview_id: previewId, ...request } as never));
    expect((await other({ account_id: randomUUID() })).code).toBe('PREVIEW_NOT_FOUND');
    expect((await other({ mode: 'test' })).code).toBe('PREVIEW_NOT_FOUND');
    expect((await other({ preview_id: randomUUID() })).code).toBe('PREVIEW_NOT_FOUND');

    await orders.rpc.request(Rpc.orders.previewBulk, { account_id: accountId, mode: 'live', preview_id: previewId });
    const late = await failureOf(orders.rpc.request(Rpc.orders.stageBulkRows, { account_id: accountId, mode: 'live', preview_id: previewId, rows: [SHEET[2] as BulkRowInput] }));
    expect(late.code).toBe('CONFLICT');

    await orders.db.query(`UPDATE bulk_previews SET expires_at = now() - interval '1 second' WHERE id = $1`, [previewId]);
    expect((await other({})).code).toBe('PREVIEW_NOT_FOUND');
  });

  it('refuses a chunk over the limit and a row without its cells, over NATS', async () => {
    const ask = (rows: unknown) => failureOf(orders.rpc.request(Rpc.orders.stageBulkRows, { account_id: randomUUID(), mode: 'live', rows } as never));
    expect((await ask(Array.from({ length: 1001 }, (_, i) => ({ row: i + 2, target: '0772279099', amount: '1' })))).code).toBe('VALIDATION_FAILED');
    expect((await ask([{ row: 2, amount: '1' }])).code).toBe('VALIDATION_FAILED');
  });
});
