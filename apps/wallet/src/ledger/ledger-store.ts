import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyMode, TransferView } from '@airtime/contracts';
import { preparedRows, rows } from '@airtime/platform';
import { countRefund } from './ledger-metrics.js';
import { idempotencyConflict, insufficientFunds, KeyAlreadyUsed, walletNotFound } from './ledger.exceptions.js';
import { toTransferView, type TransferRow } from './transfer-row.js';

export type PlatformAccountKind = 'clearing' | 'funding' | 'adjustments';

/** A transfer into a wallet (a refund or a credit) and what it is keyed and fingerprinted by. */
export interface WalletCredit {
  key: string; hash: string; kind: TransferView['kind']; owner: string; mode: ApiKeyMode; currency: string; amount: bigint;
  orderId?: string; refundOf?: string; reason?: string; actor?: string; description?: string;
}

export interface WalletDebit {
  key: string; hash: string; owner: string; mode: ApiKeyMode; currency: string; amount: bigint;
  orderId: string | null; description: string | null; clearingAccountId: string;
}

export interface DebitResult {
  outcome: 'debited' | 'replay';
  transfer_id: string;
  balance_after: string;
  created_at: Date;
}

interface WaitingDebit {
  debit: WalletDebit;
  resolve(result: DebitResult): void;
  reject(error: unknown): void;
}

/** At most this many debits share a commit, so that no batch holds a wallet's row lock for long. */
const DEBIT_BATCH_SIZE = 50;
/** Batches written at once by one wallet process (on different connections). */
const DEBIT_BATCHES_IN_FLIGHT = 2;

function walletOf(d: WalletDebit): string {
  return `${d.owner}:${d.currency}:${d.mode}`;
}

const TRANSFER_VIEW_SQL = `
  SELECT t.*, e.balance_after
    FROM transfers t
    JOIN ledger_entries e ON e.transfer_id = t.id AND e.balance_after IS NOT NULL`;

/**
 * Every write to the ledger: one transfer, written once, with entries that sum to zero. A wallet's
 * balance changes only in the same transaction as its entry, through a conditional UPDATE that holds
 * the wallet's row lock, so concurrent debits queue on the row and none can overdraw it. The transfer
 * row is inserted first: a concurrent request with the same key waits on its unique index and then
 * replays the winner's result instead of moving money twice.
 */
@Injectable()
export class LedgerStore {
  private readonly platformAccountIds = new Map<string, string>();
  private readonly logger = new Logger(LedgerStore.name);
  private readonly waitingDebits: WaitingDebit[] = [];
  private debitBatchesInFlight = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The debit: `debited` with its transfer, or `replay` when the key was used before (read it back
   * with `replay`). Refusals are INSUFFICIENT_FUNDS and WALLET_NOT_FOUND.
   *
   * Debits that arrive while others are being written go together, as one `ledger_debit_many` call
   * and one commit (group commit; see its migration for why one wallet needs it). A debit that finds
   * nothing in flight goes at once, so a lone debit waits for nobody; under load, batches grow by
   * themselves. Each debit is still all or nothing and answered on its own. A batch is sorted by
   * wallet, so that concurrent batches take the wallets' row locks in one order and cannot deadlock.
   */
  debit(d: WalletDebit): Promise<DebitResult> {
    return new Promise<DebitResult>((resolve, reject) => {
      this.waitingDebits.push({ debit: d, resolve, reject });
      this.sendDebits();
    });
  }

  private sendDebits(): void {
    while (this.debitBatchesInFlight < DEBIT_BATCHES_IN_FLIGHT && this.waitingDebits.length) {
      const batch = this.waitingDebits.splice(0, DEBIT_BATCH_SIZE);
      this.debitBatchesInFlight++;
      void this.debitBatch(batch)
        // Whatever went wrong, no caller is left waiting (a debit already answered keeps its answer).
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.debitBatchesInFlight--;
          this.sendDebits();
        });
    }
  }

  private async debitBatch(batch: WaitingDebit[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch as [WaitingDebit];
      await this.debitAlone(only.debit).then(only.resolve, only.reject);
      return;
    }
    batch.sort((a, b) => (walletOf(a.debit) < walletOf(b.debit) ? -1 : walletOf(a.debit) > walletOf(b.debit) ? 1 : 0));
    // A row per debit, numbered as sent; a refusal's outcome is its code, with nothing else set.
    let results: (Omit<DebitResult, 'outcome'> & { n: number; outcome: string })[];
    try {
      const column = <T>(pick: (d: WalletDebit) => T) => batch.map((w) => pick(w.debit));
      results = await preparedRows(
        this.dataSource,
        `SELECT * FROM ledger_debit_many($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::uuid[])`,
        [column((d) => d.key), column((d) => d.hash), column((d) => d.owner), column((d) => d.mode), column((d) => d.currency),
          column((d) => d.amount.toString()), column((d) => d.orderId), column((d) => d.description), column((d) => d.clearingAccountId)],
      );
    } catch (error) {
      // Nothing of the batch was written (one transaction): each debit goes again on its own, keyed as before.
      this.logger.warn(`a batch of ${batch.length} debits failed and goes debit by debit: ${(error as Error).message}`);
      await Promise.all(batch.map((w) => this.debitAlone(w.debit).then(w.resolve, w.reject)));
      return;
    }
    const byN = new Map(results.map((r) => [r.n, r]));
    const refused: WaitingDebit[] = [];
    batch.forEach((w, i) => {
      const result = byN.get(i + 1);
      if (result?.outcome === 'debited' || result?.outcome === 'replay') {
        w.resolve({ outcome: result.outcome, transfer_id: result.transfer_id, balance_after: result.balance_after, created_at: result.created_at });
      } else if (result?.outcome === 'INSUFFICIENT_FUNDS' || result?.outcome === 'WALLET_NOT_FOUND') {
        refused.push(w);
      } else {
        w.reject(new Error(`debit ${w.debit.key} was refused by the ledger: ${result?.outcome ?? 'no answer'}`));
      }
    });
    // A refusal in a batch is decided again alone. The batch looked for the key without waiting for a
    // transaction still writing it (a retry racing its original), and then found the money gone: that
    // retry must be a replay, not INSUFFICIENT_FUNDS. `ledger_debit` takes the key first and waits for
    // it, so it answers as a lone debit would. Refusals are rare; this costs them one more round trip.
    await Promise.all(refused.map((w) => this.debitAlone(w.debit).then(w.resolve, w.reject)));
  }

  /**
   * One debit in one round trip (`ledger_debit`). A deadlock with a batch writing the same key (a
   * retry racing its original; the batch locks the wallet before the key, this the key before the
   * wallet) is tried once more: PostgreSQL rolled this side back, and the batch has gone on.
   */
  private async debitAlone(d: WalletDebit, again = false): Promise<DebitResult> {
    try {
      const [result] = await preparedRows<DebitResult>(this.dataSource, `SELECT * FROM ledger_debit($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        d.key, d.hash, d.owner, d.mode, d.currency, d.amount.toString(), d.orderId, d.description, d.clearingAccountId,
      ]);
      if (!result) throw new Error(`debit ${d.key} had no answer`);
      return result;
    } catch (error) {
      const driverError = (error as { driverError?: { message?: string; code?: string } }).driverError;
      if (driverError?.code === '40P01' && !again) return this.debitAlone(d, true);
      const message = driverError?.message;
      if (message === 'INSUFFICIENT_FUNDS') throw insufficientFunds();
      if (message === 'WALLET_NOT_FOUND') throw walletNotFound();
      throw error;
    }
  }

  /** The account's debit under `key`, if there is one. */
  async debitByKey(key: string, accountId: string): Promise<TransferRow | undefined> {
    const [debit] = await rows<TransferRow>(
      this.dataSource.manager,
      `SELECT * FROM transfers WHERE idempotency_key = $1 AND kind = 'debit' AND owner_account_id = $2`,
      [key, accountId],
    );
    return debit;
  }

  /** The transfer already made under `key`, if the request is the same one; IDEMPOTENCY_CONFLICT if not. */
  async replay(key: string, hash: string): Promise<TransferView | undefined> {
    const [existing] = await rows<TransferRow>(this.dataSource.manager, `${TRANSFER_VIEW_SQL} WHERE t.idempotency_key = $1`, [key]);
    if (!existing) return undefined;
    if (existing.request_hash !== hash) throw idempotencyConflict(key);
    return toTransferView(existing);
  }

  /**
   * Credits the wallet against `counterAccountId`, once per key: when the key was used before, the
   * transaction is rolled back and the original transfer is returned instead (or refused, if the
   * request differs). Undefined when the transfer collided with another one on something other than
   * its key (a second refund of one debit). The first-time path costs no extra lookup: the unique key
   * itself detects the replay.
   */
  async creditOnce(t: WalletCredit, counterAccountId: string): Promise<TransferView | undefined> {
    try {
      // PostgreSQL's default, READ COMMITTED, is what the conditional UPDATE relies on.
      const view = toTransferView(await this.dataSource.transaction(async (m) => {
        const transfer = await this.insertTransfer(m, t);
        const wallet = await this.creditWalletRow(m, t.owner, t.currency, t.mode, t.amount);
        await this.insertEntries(m, transfer.id, wallet, t.amount, counterAccountId);
        return { ...transfer, balance_after: wallet.balance };
      }));
      if (t.kind === 'refund') countRefund(t.currency, t.mode, t.amount);
      return view;
    } catch (error) {
      if (!(error instanceof KeyAlreadyUsed)) throw error;
      return this.replay(t.key, t.hash);
    }
  }

  async ensureWallet(owner: string, currency: string, mode: ApiKeyMode): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ledger_accounts (code, kind, owner_account_id, currency, mode)
       VALUES ($1, 'wallet', $2, $3, $4) ON CONFLICT DO NOTHING`,
      [`wallet:${owner}:${currency}:${mode}`, owner, currency, mode],
    );
  }

  /** The platform's side of transfers (created on first use, then remembered). */
  async platformAccount(kind: PlatformAccountKind, name: string, currency: string, mode: ApiKeyMode): Promise<string> {
    const code = `${kind}:${name}:${currency}:${mode}`;
    const cached = this.platformAccountIds.get(code);
    if (cached) return cached;
    await this.dataSource.query(
      `INSERT INTO ledger_accounts (code, kind, currency, mode) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [code, kind, currency, mode],
    );
    const [row] = await rows<{ id: string }>(this.dataSource.manager, `SELECT id FROM ledger_accounts WHERE code = $1`, [code]);
    this.platformAccountIds.set(code, (row as { id: string }).id);
    return (row as { id: string }).id;
  }

  private async insertTransfer(m: EntityManager, t: WalletCredit): Promise<Omit<TransferRow, 'balance_after'>> {
    const [row] = await rows<Omit<TransferRow, 'balance_after'>>(
      m,
      `INSERT INTO transfers (idempotency_key, request_hash, kind, owner_account_id, mode, currency, amount, order_id, refund_of, reason, actor, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING
       RETURNING *`,
      [t.key, t.hash, t.kind, t.owner, t.mode, t.currency, t.amount.toString(), t.orderId ?? null, t.refundOf ?? null, t.reason ?? null, t.actor ?? null, t.description ?? null],
    );
    if (!row) throw new KeyAlreadyUsed();
    return row;
  }

  private async insertEntries(m: EntityManager, transferId: string, wallet: { id: string; balance: string }, walletAmount: bigint, counterAccountId: string) {
    await m.query(
      `INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount, balance_after)
       VALUES ($1, $2, $3, $4), ($1, $5, $6, NULL)`,
      [transferId, wallet.id, walletAmount.toString(), wallet.balance, counterAccountId, (-walletAmount).toString()],
    );
  }

  private async creditWalletRow(m: EntityManager, owner: string, currency: string, mode: ApiKeyMode, amount: bigint) {
    const [wallet] = await rows<{ id: string; balance: string }>(
      m,
      `UPDATE ledger_accounts SET balance = balance + $4, updated_at = now()
        WHERE kind = 'wallet' AND owner_account_id = $1 AND currency = $2 AND mode = $3
        RETURNING id, balance`,
      [owner, currency, mode, amount.toString()],
    );
    if (!wallet) throw walletNotFound();
    return wallet;
  }
}
