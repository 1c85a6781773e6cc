import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatMinor } from '@airtime/money';
import type {
  ApiKeyMode,
  ExportStatementRequest,
  GetWalletsRequest,
  LedgerEntryView,
  LedgerPageView,
  ListLedgerRequest,
  StatementView,
  WalletView,
} from '@airtime/contracts';
import { csvLine } from './csv.js';
import { bigintIds, rows } from '@airtime/platform';

interface EntryRow {
  id: string;
  transfer_id: string;
  kind: LedgerEntryView['kind'];
  currency: string;
  amount: string;
  balance_after: string;
  order_id: string | null;
  description: string | null;
  created_at: Date;
}

const STATEMENT_LIMIT = 100_000;

/** Read side of the ledger: what a tenant may see of its own wallets, and only its own. */
@Injectable()
export class LedgerQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async wallets(request: GetWalletsRequest): Promise<WalletView[]> {
    const wallets = await rows<{ currency: string; mode: WalletView['mode']; balance: string; updated_at: Date }>(
      this.dataSource.manager,
      `SELECT currency, mode, balance, updated_at FROM ledger_accounts
        WHERE kind = 'wallet' AND owner_account_id = $1 AND mode = $2 ORDER BY currency`,
      [request.account_id, request.mode],
    );
    return wallets.map((w) => ({
      currency: w.currency,
      mode: w.mode,
      balance_minor: String(w.balance),
      balance: formatMinor(BigInt(w.balance), w.currency),
      updated_at: new Date(w.updated_at).toISOString(),
    }));
  }

  async ledger(request: ListLedgerRequest): Promise<LedgerPageView> {
    const limit = request.limit ?? 50;
    const { where, parameters } = this.filters(request);
    if (request.cursor) {
      parameters.push(request.cursor);
      where.push(`e.id < $${parameters.length}`);
    }
    parameters.push(limit + 1);
    const found = await rows<EntryRow>(
      this.dataSource.manager,
      `${ENTRY_SQL} WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    const page = found.slice(0, limit);
    return {
      entries: page.map(toEntryView),
      next_cursor: found.length > limit ? String(page.at(-1)?.id) : null,
    };
  }

  /** Those of `ids` that are entries of the account's wallets in `mode`, oldest first. */
  async entriesByIds(accountId: string, mode: ApiKeyMode, ids: string[]): Promise<LedgerEntryView[]> {
    const possible = bigintIds(ids);
    if (possible.length === 0) return [];
    const found = await rows<EntryRow>(
      this.dataSource.manager,
      `${ENTRY_SQL} WHERE a.kind = 'wallet' AND a.owner_account_id = $1 AND a.mode = $2 AND e.id = ANY($3) ORDER BY e.id`,
      [accountId, mode, possible],
    );
    return found.map(toEntryView);
  }

  /** The entries of the account's wallets in `mode` that paid for or refunded any of `orderIds`, oldest first. */
  async entriesOfOrders(accountId: string, mode: ApiKeyMode, orderIds: string[]): Promise<LedgerEntryView[]> {
    const found = await rows<EntryRow>(
      this.dataSource.manager,
      `${ENTRY_SQL} WHERE a.kind = 'wallet' AND a.owner_account_id = $1 AND a.mode = $2 AND t.owner_account_id = $1 AND t.order_id = ANY($3) ORDER BY e.id`,
      [accountId, mode, orderIds],
    );
    return found.map(toEntryView);
  }

  async statement(request: ExportStatementRequest): Promise<StatementView> {
    const { where, parameters } = this.filters(request);
    parameters.push(STATEMENT_LIMIT);
    const found = await rows<EntryRow>(
      this.dataSource.manager,
      `${ENTRY_SQL} WHERE ${where.join(' AND ')} ORDER BY e.id ASC LIMIT $${parameters.length}`,
      parameters,
    );
    let csv = csvLine(['entry_id', 'created_at', 'currency', 'kind', 'amount', 'amount_minor', 'balance_after', 'balance_after_minor', 'order_id', 'transfer_id', 'description']);
    for (const e of found) {
      csv += csvLine([
        e.id, new Date(e.created_at).toISOString(), e.currency, e.kind,
        formatMinor(BigInt(e.amount), e.currency), e.amount,
        formatMinor(BigInt(e.balance_after), e.currency), e.balance_after,
        e.order_id, e.transfer_id, e.description,
      ]);
    }
    const day = (iso: string) => iso.slice(0, 10);
    return { filename: `statement-${request.mode}-${day(request.from)}-to-${day(request.to)}.csv`, csv };
  }

  private filters(request: ListLedgerRequest | ExportStatementRequest) {
    const parameters: unknown[] = [request.account_id, request.mode];
    const where = [`a.kind = 'wallet'`, `a.owner_account_id = $1`, `a.mode = $2`];
    const add = (sql: (n: number) => string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(sql(parameters.length));
    };
    add((n) => `a.currency = $${n}`, request.currency);
    add((n) => `e.created_at >= $${n}`, request.from);
    add((n) => `e.created_at < $${n}`, request.to);
    if ('kind' in request) add((n) => `t.kind = $${n}`, request.kind);
    if ('order_id' in request) add((n) => `t.order_id = $${n}`, request.order_id);
    return { where, parameters };
  }
}

const ENTRY_SQL = `
  SELECT e.id, e.transfer_id, t.kind, a.currency, e.amount, e.balance_after, t.order_id, t.description, e.created_at
    FROM ledger_entries e
    JOIN ledger_accounts a ON a.id = e.ledger_account_id
    JOIN transfers t ON t.id = e.transfer_id`;

function toEntryView(e: EntryRow): LedgerEntryView {
  return {
    id: String(e.id),
    transfer_id: e.transfer_id,
    kind: e.kind,
    currency: e.currency,
    amount_minor: String(e.amount),
    balance_after_minor: String(e.balance_after),
    order_id: e.order_id,
    description: e.description,
    created_at: new Date(e.created_at).toISOString(),
  };
}
