import { readFileSync } from 'node:fs';
import { http } from '../support/platform-client.js';
import { fundedShop } from '../support/orders.js';
import { onboardTenant } from '../support/tenants.js';

/** The gateway's own messy sheet: BOM, `;`, CRLF, quoted cells, mixed networks, bad rows, blank trailing rows. */
const MESSY = readFileSync(new URL('../../../gateway/src/bulk/fixtures/messy-staff-allowances.csv', import.meta.url));

describe('paying a bulk CSV (001)', () => {
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
});
