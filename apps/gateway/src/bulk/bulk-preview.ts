import { type ApiKeyMode, BULK_STAGE_CHUNK, type BulkPreviewView, type BulkRowInput, type BulkTotalView, Rpc } from '@airtime/contracts';
import { PlatformError, type RpcClient } from '@airtime/platform';
import { BulkCsvRefused, type ParsedBulkCsv, parseBulkCsv } from './bulk-csv.js';

/** A total beside the wallet it will be paid from. */
export interface BulkTotalWithBalance extends BulkTotalView {
  balance: string;
  balance_minor: string;
  /** The wallet holds at least this total now (it may change before the run). */
  sufficient: boolean;
}

export type BulkPreviewAnswer = Omit<BulkPreviewView, 'totals'> & { totals: BulkTotalWithBalance[] };

/**
 * A sheet read here, staged in orders a chunk at a time (a 10,000-row sheet can exceed NATS's 1 MB
 * message, a 1,000-row chunk cannot), checked there, and answered with each total beside its wallet.
 */
export async function previewBulkCsv(rpc: RpcClient, accountId: string, mode: ApiKeyMode, csv: string | Buffer): Promise<BulkPreviewAnswer> {
  let parsed: ParsedBulkCsv;
  try {
    parsed = parseBulkCsv(csv);
  } catch (error) {
    if (error instanceof BulkCsvRefused) throw new PlatformError('VALIDATION_FAILED', error.message, { fields: { file: [error.message] } });
    throw error;
  }
  const staged = stagedRows(parsed);
  let previewId: string | undefined;
  // The first chunk makes the preview even for a sheet with a header only, so every sheet gets an id.
  for (let at = 0; at === 0 || at < staged.length; at += BULK_STAGE_CHUNK) {
    const answer = await rpc.request(Rpc.orders.stageBulkRows, { account_id: accountId, mode, ...(previewId && { preview_id: previewId }), rows: staged.slice(at, at + BULK_STAGE_CHUNK) });
    previewId = answer.preview_id;
  }
  const preview = await rpc.request(Rpc.orders.previewBulk, { account_id: accountId, mode, preview_id: previewId as string });
  return withBalances(rpc, accountId, mode, preview);
}

export async function withBalances(rpc: RpcClient, accountId: string, mode: ApiKeyMode, preview: BulkPreviewView): Promise<BulkPreviewAnswer> {
  const wallets = preview.totals.length ? await rpc.request(Rpc.wallet.wallets, { account_id: accountId, mode }) : [];
  return {
    ...preview,
    totals: preview.totals.map((total) => {
      const wallet = wallets.find((w) => w.currency === total.currency);
      const balanceMinor = wallet?.balance_minor ?? '0';
      return { ...total, balance: wallet?.balance ?? '0.00', balance_minor: balanceMinor, sufficient: BigInt(balanceMinor) >= BigInt(total.amount_minor) };
    }),
  };
}

/** Every row in sheet order; an unreadable one carries its problems and its cells as written (cut to what a row may hold). */
function stagedRows(parsed: ParsedBulkCsv): BulkRowInput[] {
  const cut = (text: string | undefined, length: number) => (text === undefined ? undefined : text.slice(0, length));
  const issues = new Map<number, ParsedBulkCsv['errors']>();
  for (const issue of parsed.errors) issues.set(issue.row, [...(issues.get(issue.row) ?? []), issue]);
  const rejected: BulkRowInput[] = parsed.rejected.map((r) => ({
    row: r.row, target: r.target.slice(0, 100), amount: r.amount.slice(0, 100), agent_reference: cut(r.agent_reference, 100), custom_sms: cut(r.custom_sms, 200),
    errors: (issues.get(r.row) ?? []).map((e) => ({ ...e, message: e.message.slice(0, 300) })),
  }));
  const good: BulkRowInput[] = parsed.rows.map(({ row, target, amount, product_id, agent_reference, custom_sms, currency }) => ({ row, target, amount, product_id, agent_reference, custom_sms, currency }));
  return [...good, ...rejected].sort((a, b) => a.row - b.row);
}
