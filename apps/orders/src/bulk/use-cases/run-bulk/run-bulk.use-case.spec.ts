import { randomUUID } from 'node:crypto';
import { type BulkRowInput, Rpc } from '@airtime/contracts';
import { failureOf, forEachFile } from '@airtime/platform/testing';
import { OrdersConfig } from '../../../config/orders.config.js';
import { CreateOrderCommand } from '../../../orders/use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from '../../../orders/use-cases/create-order/create-order.use-case.js';
import { outcome, startOrdersService, transferFor } from '../../../testing/start-orders-service.js';
import { BulkRunner } from '../../bulk-runner.js';

const orders = forEachFile(() => startOrdersService({ BULK_CONCURRENCY: '4' }), (o) => o.peers.reset());
const { debit, refund } = Rpc.wallet;
const { dispatch } = Rpc.providerAdapters;

/** Three good rows (one without a reference), one bad; the numbers' last digits pick the fake provider's answer below. */
const SHEET: BulkRowInput[] = [
  { row: 2, target: '0772 279 099', amount: '5', agent_reference: 'staff-001' },
  { row: 3, target: '+263712345678', amount: '2.50', agent_reference: 'staff-002' },
  { row: 4, target: '0733 123 456', amount: '10' },
  { row: 5, target: '0242 123 456', amount: '5', agent_reference: 'staff-004' },
];

async function checkedPreview(accountId: string, sheet = SHEET): Promise<string> {
  const { preview_id } = await orders.rpc.request(Rpc.orders.stageBulkRows, { account_id: accountId, mode: 'live', rows: sheet });
  await orders.rpc.request(Rpc.orders.previewBulk, { account_id: accountId, mode: 'live', preview_id });
  return preview_id;
}
const run = (accountId: string, previewId: string, batchReference: string) =>
  orders.rpc.request(Rpc.orders.runBulk, { account_id: accountId, mode: 'live', preview_id: previewId, batch_reference: batchReference });
const runner = () => orders.app.get(BulkRunner);
const debitsOf = (accountId: string) => orders.peers.to(debit).filter((p) => p['account_id'] === accountId);

function providerAnswers() {
  orders.peers.on(debit, (p) => transferFor(p)).on(refund, (p) => transferFor(p, 'refund'))
    .on(dispatch, (p) => outcome(p, String(p['target']).endsWith('345678') ? 'failed' : 'success', { provider_ref: `P-${String(p['target'])}` }));
}

describe('running a bulk batch', () => {
  it('makes each good row one ordinary order, keeps the bad row as invalid, and answers the same batch for the same batch_reference', async () => {
    providerAnswers();
    const accountId = randomUUID();
    const previewId = await checkedPreview(accountId);

    const started = await run(accountId, previewId, 'payroll-nov');
    expect(started).toMatchObject({ batch_reference: 'payroll-nov', status: 'running', row_count: 4, counts: { queued: 3, invalid: 1 }, completed_at: null });

    const finished = await runner().runOnce();
    expect(finished.map((b) => b.id)).toEqual([started.batch_id]);
    const done = await orders.rpc.request(Rpc.orders.getBulk, { account_id: accountId, mode: 'live', batch_id: started.batch_id });
    expect(done).toMatchObject({ status: 'completed', counts: { success: 2, refunded: 1, invalid: 1 }, completed_at: expect.any(String) });
    expect(done.amounts).toEqual([{ currency: 'USD', sent: '15.00', sent_minor: '1500', refunded: '2.50', refunded_minor: '250' }]);
    // Announced once, through the orders outbox, with the batch as it ended.
    await runner().runOnce();
    const events = (await orders.db.query(`SELECT account_id, status, payload FROM order_events WHERE batch_id = $1`, [started.batch_id])) as { account_id: string; status: string; payload: Record<string, unknown> }[];
    expect(events).toEqual([{ account_id: accountId, status: 'batch_completed', payload: { type: 'batch.completed', occurred_at: expect.any(String), batch: { ...done, completed_at: expect.any(String) } } }]);

    const { rows, next_after_row } = await orders.rpc.request(Rpc.orders.bulkResults, { account_id: accountId, mode: 'live', batch_id: started.batch_id });
    expect(next_after_row).toBeNull();
    expect(rows.map((r) => [r.row, r.agent_reference, r.target, r.status, r.provider_ref])).toEqual([
      [2, 'staff-001', '263772279099', 'success', 'P-263772279099'],
      [3, 'staff-002', '263712345678', 'refunded', 'P-263712345678'],
      [4, 'payroll-nov-r4', '263733123456', 'success', 'P-263733123456'],
      [5, 'staff-004', '0242 123 456', 'invalid', null],
    ]);
    expect(rows[3]?.error).toContain('not a mobile number');

    // Again, by the same reference, even naming another preview: the same batch, nothing paid twice.
    const again = await run(accountId, await checkedPreview(accountId), 'payroll-nov');
    expect(again.batch_id).toBe(started.batch_id);
    await runner().runOnce();
    expect(debitsOf(accountId)).toHaveLength(3);
    // A preview runs once: under another reference it is refused.
    expect((await failureOf(run(accountId, previewId, 'payroll-nov-2'))).code).toBe('CONFLICT');
  });

  it('finishes a batch whose runner died mid-row: the order it made is found, not made again, and two runners never share a row', async () => {
    providerAnswers();
    const accountId = randomUUID();
    const batch = await run(accountId, await checkedPreview(accountId, [...Array.from({ length: 20 }, (_, i) => ({ row: i + 2, target: `07720000${String(i + 10)}`, amount: '1' }))]), 'allowances');
    // A runner claimed row 2, made its order and died before recording it; its lease has since lapsed.
    await orders.db.query(`UPDATE batch_rows SET lease_until = now() - interval '1 second' WHERE batch_id = $1 AND row = 2`, [batch.batch_id]);
    await orders.app.get(CreateOrderUseCase).execute(new CreateOrderCommand({
      request: { account_id: accountId, mode: 'live', product_id: 100, target: '263772000010', amount: '1', agent_reference: 'allowances-r2' }, batchId: batch.batch_id, waitMs: 5000,
    }));

    await Promise.all([runner().runOnce(), runner().runOnce()]);

    expect(debitsOf(accountId)).toHaveLength(20);
    expect(new Set(debitsOf(accountId).map((d) => d['order_id'])).size).toBe(20);
    const done = await orders.rpc.request(Rpc.orders.getBulk, { account_id: accountId, mode: 'live', batch_id: batch.batch_id });
    expect(done).toMatchObject({ status: 'completed', counts: { success: 20 } });
  });

  it('skips the rows not yet dispatched when cancelled, and lets the made orders finish', async () => {
    providerAnswers();
    const accountId = randomUUID();
    const batch = await run(accountId, await checkedPreview(accountId), 'to-cancel');
    const cancelled = await orders.rpc.request(Rpc.orders.cancelBulk, { account_id: accountId, mode: 'live', batch_id: batch.batch_id });
    expect(cancelled).toMatchObject({ status: 'cancelled', counts: { skipped: 3, invalid: 1 } });
    const finished = await runner().runOnce();
    expect(finished.map((b) => [b.id, b.status])).toEqual([[batch.batch_id, 'cancelled']]);
    expect(debitsOf(accountId)).toHaveLength(0);
    expect((await failureOf(orders.rpc.request(Rpc.orders.getBulk, { account_id: randomUUID(), mode: 'live', batch_id: batch.batch_id }))).code).toBe('NOT_FOUND');
    expect((await failureOf(orders.rpc.request(Rpc.orders.cancelBulk, { account_id: accountId, mode: 'test', batch_id: batch.batch_id }))).code).toBe('NOT_FOUND');
  });

  it('refuses a batch_reference that cannot be part of an agent_reference, over NATS', async () => {
    const refused = await failureOf(orders.rpc.request(Rpc.orders.runBulk, { account_id: randomUUID(), mode: 'live', preview_id: randomUUID(), batch_reference: 'has space' }));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(orders.app.get(OrdersConfig).BULK_CONCURRENCY).toBe(4);
  });

  it("answers several batches' progress in one request, the account's own bulk batches only", async () => {
    providerAnswers();
    const accountId = randomUUID();
    const first = await run(accountId, await checkedPreview(accountId), `many-${randomUUID()}`);
    const second = await run(accountId, await checkedPreview(accountId), `many-${randomUUID()}`);
    const stranger = randomUUID();
    const theirs = await run(stranger, await checkedPreview(stranger), `many-${randomUUID()}`);

    const found = await orders.rpc.request(Rpc.orders.getBulkBatches, { account_id: accountId, mode: 'live', batch_ids: [second.batch_id, theirs.batch_id, first.batch_id, randomUUID()] });
    expect(found.map((b) => b.batch_id).sort()).toEqual([first.batch_id, second.batch_id].sort());
    for (const batch of found) {
      expect(batch).toEqual(await orders.rpc.request(Rpc.orders.getBulk, { account_id: accountId, mode: 'live', batch_id: batch.batch_id }));
    }
    expect(await orders.rpc.request(Rpc.orders.getBulkBatches, { account_id: accountId, mode: 'test', batch_ids: [first.batch_id] })).toEqual([]);
  });
});
