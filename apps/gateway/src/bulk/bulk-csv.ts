import { parse } from 'csv-parse/sync';
import { BULK_MAX_ROWS, textProblem } from '@airtime/contracts';

export { BULK_MAX_ROWS };
/**
 * The most bytes one sheet may be: 10,000 rows of a target, an amount, a product, a 100-character
 * reference and a 160-character SMS fit with room to spare.
 */
export const BULK_MAX_BYTES = 4 * 1024 * 1024;

export const BULK_COLUMNS = ['target', 'amount', 'product_id', 'agent_reference', 'custom_sms', 'currency'] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/** One data row as the sheet gave it, its cells trimmed; `row` is its line in the sheet, the header being row 1. */
export interface BulkCsvRow {
  row: number;
  target: string;
  amount: string;
  product_id?: number;
  agent_reference?: string;
  custom_sms?: string;
  currency?: string;
}

/** A problem with one cell (or a whole row when `column` is null). */
export interface BulkCsvIssue {
  row: number;
  column: BulkColumn | null;
  code: string;
  message: string;
}

/** A row with at least one unreadable cell, its cells as written. */
export interface BulkCsvRejectedRow {
  row: number;
  target: string;
  amount: string;
  agent_reference?: string;
  custom_sms?: string;
}

export interface ParsedBulkCsv {
  rows: BulkCsvRow[];
  /** Every unreadable cell; a row with one is in `rejected`, not in `rows`. */
  errors: BulkCsvIssue[];
  rejected: BulkCsvRejectedRow[];
}

/** The sheet as a whole cannot be read: no header, a missing required column, too big. */
export class BulkCsvRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkCsvRefused';
  }
}

const AMOUNT = /^\d{1,12}(\.\d{1,4})?$/;
const PRODUCT_ID = /^\d{1,9}$/;
const REFERENCE = /^[\x21-\x7E]{1,100}$/;
const HEADER_ALIASES: Record<string, BulkColumn> = { phone: 'target', msisdn: 'target', number: 'target', product: 'product_id', reference: 'agent_reference', sms: 'custom_sms' };

/**
 * 001's bulk sheet as spreadsheets write it: a UTF-8 BOM, `;` or `,` between cells (whichever the
 * header uses), quoted cells, CRLF, blank lines. Columns are found by header name in any order;
 * unknown columns are ignored. Cells are only read here; whether a number, product or amount is one
 * we can serve is for the orders service to say.
 */
export function parseBulkCsv(input: string | Buffer): ParsedBulkCsv {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (bytes > BULK_MAX_BYTES) throw new BulkCsvRefused(`the file is larger than ${BULK_MAX_BYTES} bytes`);
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  // An .xlsx (a zip) or other binary sent by mistake: say so, rather than report its bytes as rows.
  const unstorable = textProblem(text, 'multiline');
  if (unstorable) {
    throw new BulkCsvRefused(`the file ${unstorable}: send the sheet saved as CSV (UTF-8), not a spreadsheet file`);
  }
  const delimiter = detectDelimiter(text);

  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new BulkCsvRefused(`the file is not readable CSV: ${(error as Error).message}`);
  }
  // A spreadsheet's trailing rows of empty cells (";;;") are blank lines too.
  while (records.at(-1)?.every((cell) => cell === '')) records.pop();
  const [header, ...data] = records;
  if (!header) throw new BulkCsvRefused('the file is empty: it needs a header row with at least target and amount');
  if (data.length > BULK_MAX_ROWS) throw new BulkCsvRefused(`the file has ${data.length} rows; at most ${BULK_MAX_ROWS} are allowed`);

  const columns = new Map<BulkColumn, number>();
  header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/[\s-]+/g, '_');
    const column = (BULK_COLUMNS as readonly string[]).includes(key) ? (key as BulkColumn) : HEADER_ALIASES[key];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  for (const required of ['target', 'amount'] as const) {
    if (!columns.has(required)) throw new BulkCsvRefused(`the header has no ${required} column (columns: ${BULK_COLUMNS.join(', ')})`);
  }

  const rows: BulkCsvRow[] = [];
  const errors: BulkCsvIssue[] = [];
  const rejected: BulkCsvRejectedRow[] = [];
  data.forEach((record, index) => {
    const row = index + 2;
    const cell = (column: BulkColumn) => {
      const at = columns.get(column);
      const value = at === undefined ? '' : (record[at] ?? '');
      return value === '' ? undefined : value;
    };
    const issues: BulkCsvIssue[] = [];
    const issue = (column: BulkColumn | null, code: string, message: string) => issues.push({ row, column, code, message });

    const target = cell('target');
    if (!target) issue('target', 'MISSING', 'target is empty');
    else if (target.length > 32) issue('target', 'INVALID_TARGET', 'target is longer than 32 characters');

    const amountCell = cell('amount');
    const amount = amountCell === undefined ? undefined : readAmount(amountCell);
    if (amountCell === undefined) issue('amount', 'MISSING', 'amount is empty');
    else if (amount === undefined) issue('amount', 'INVALID_AMOUNT', `amount "${amountCell}" is not a number in major units, e.g. 5 or 5.50`);

    const productCell = cell('product_id');
    if (productCell !== undefined && !PRODUCT_ID.test(productCell)) issue('product_id', 'INVALID_PRODUCT', `product_id "${productCell}" is not a product number`);

    const reference = cell('agent_reference');
    if (reference !== undefined && !REFERENCE.test(reference)) issue('agent_reference', 'INVALID_REFERENCE', 'agent_reference must be 1 to 100 printable ASCII characters without spaces');

    const sms = cell('custom_sms');
    if (sms !== undefined && sms.length > 160) issue('custom_sms', 'SMS_TOO_LONG', 'custom_sms is longer than 160 characters');

    const currency = cell('currency')?.toUpperCase();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) issue('currency', 'INVALID_CURRENCY', `currency "${currency}" is not a currency code`);

    if (issues.length > 0) {
      errors.push(...issues);
      rejected.push({
        row, target: target ?? '', amount: amountCell ?? '',
        ...(reference !== undefined && { agent_reference: reference }),
        ...(sms !== undefined && { custom_sms: sms }),
      });
      return;
    }
    rows.push({
      row,
      target: target as string,
      amount: amount as string,
      ...(productCell !== undefined && { product_id: Number(productCell) }),
      ...(reference !== undefined && { agent_reference: reference }),
      ...(sms !== undefined && { custom_sms: sms }),
      ...(currency !== undefined && { currency }),
    });
  });
  return { rows, errors, rejected };
}

/** `;` when the header line has more of them than commas (Excel in comma-decimal locales), else `,`. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Major units as decimal text; "5,50" (a comma-decimal locale) and "$5" are read as 5.50 and 5. */
function readAmount(cell: string): string | undefined {
  const text = cell.replace(/^[$]|\s/g, '').replace(/^(\d+),(\d{1,2})$/, '$1.$2');
  return AMOUNT.test(text) ? text : undefined;
}
