import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { BULK_MAX_ROWS, BulkCsvRefused, parseBulkCsv } from './bulk-csv.js';

const messy = readFileSync(new URL('./fixtures/messy-staff-allowances.csv', import.meta.url));

describe('parseBulkCsv', () => {
  it("reads a spreadsheet's export: BOM, `;`, CRLF, quoted cells, columns in any order, blank trailing rows", () => {
    const { rows, errors } = parseBulkCsv(messy);

    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 8, 9, 10, 11]);
    expect(rows[0]).toEqual({ row: 2, target: '0772 279 099', amount: '5', agent_reference: 'staff-001', custom_sms: 'Allowance; November' });
    expect(rows[1]).toEqual({ row: 3, target: '+263712345678', amount: '2.50', agent_reference: 'staff-002' });
    expect(rows[2]).toEqual({ row: 4, target: '0733 123 456', amount: '10', custom_sms: 'Thanks, team' });
    expect(errors).toEqual([
      { row: 6, column: 'amount', code: 'INVALID_AMOUNT', message: expect.stringContaining('abc') },
      { row: 7, column: 'amount', code: 'MISSING', message: 'amount is empty' },
    ]);
  });

  it('reads a plain comma-separated sheet with LF and a product column', () => {
    const { rows, errors } = parseBulkCsv('target,amount,product_id,currency\n0772279099,5.5,100,usd\n\n\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, target: '0772279099', amount: '5.5', product_id: 100, currency: 'USD' }]);
  });

  it('names every bad cell of a row, with its column', () => {
    const { rows, errors } = parseBulkCsv(`target,amount,product_id,agent_reference\n,-1,x1,has space\n`);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'target', 'MISSING'],
      [2, 'amount', 'INVALID_AMOUNT'],
      [2, 'product_id', 'INVALID_PRODUCT'],
      [2, 'agent_reference', 'INVALID_REFERENCE'],
    ]);
  });

  it('refuses a sheet without a required column, an empty one, and one over the row limit', () => {
    expect(() => parseBulkCsv('phone_number,amount\n0772279099,5\n')).toThrow(BulkCsvRefused);
    expect(() => parseBulkCsv('\uFEFF\r\n\r\n')).toThrow(/empty/);
    const tooMany = `target,amount\n${'0772279099,5\n'.repeat(BULK_MAX_ROWS + 1)}`;
    expect(() => parseBulkCsv(tooMany)).toThrow(/at most 10000/);
    expect(parseBulkCsv(`target,amount\n${'0772279099,5\n'.repeat(BULK_MAX_ROWS)}`).rows).toHaveLength(BULK_MAX_ROWS);
  });

  it('refuses a binary file (an .xlsx sent by mistake) as a whole', () => {
    expect(() => parseBulkCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toThrow(/saved as CSV/);
  });

  it('refuses a quote that never closes as unreadable, not as rows', () => {
    expect(() => parseBulkCsv('target,amount\n"0772279099,5\n')).toThrow(/not readable CSV/);
  });
});
