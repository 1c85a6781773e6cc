import type { Response } from 'express';
import { type BulkBatchRequest, type BulkResultRowView, Rpc } from '@airtime/contracts';
import type { RpcClient } from '@airtime/platform';

const COLUMNS = ['row', 'target', 'amount', 'product_id', 'agent_reference', 'custom_sms', 'status', 'order_id', 'provider_ref', 'error'] as const;

/**
 * A batch's results as CSV, read from orders a page at a time (a whole batch can exceed one NATS
 * message) and written as it comes. The first page is read before anything is sent, so an unknown
 * batch is still a 404 in the usual shape.
 */
export async function writeResultsCsv(rpc: RpcClient, batch: BulkBatchRequest, response: Response): Promise<void> {
  let page = await rpc.request(Rpc.orders.bulkResults, { ...batch });
  response.attachment(`bulk-${batch.batch_id}-results.csv`);
  response.write(`${COLUMNS.join(',')}\r\n`);
  try {
    for (;;) {
      response.write(page.rows.map(line).join(''));
      if (page.next_after_row === null) break;
      page = await rpc.request(Rpc.orders.bulkResults, { ...batch, after_row: page.next_after_row });
    }
    response.end();
  } catch {
    // Half a file must not pass for the whole: the client sees the connection cut, not a short CSV.
    response.destroy();
  }
}

function line(row: BulkResultRowView): string {
  return `${COLUMNS.map((c) => cell(row[c])).join(',')}\r\n`;
}

/**
 * RFC 4180: quoted when it holds a separator, a quote or a line break, quotes doubled. A cell that a
 * spreadsheet would run as a formula (a leading =, +, -, @, tab or CR: a tenant's agent_reference or
 * SMS text, echoed back) gets a leading quote mark; numbers and phone numbers as people write them
 * (`+263 772 279 099`, `-5.00`) stay as they are.
 */
export function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[+-]?[\d ]+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
