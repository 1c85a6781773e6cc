import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isSupportedCurrency } from '@airtime/money';
import type { ApiKeyMode, CreditWalletRequest, DebitWalletRequest, RefundDebitRequest, TransferView } from '@airtime/contracts';
import { WalletConfig } from '../config/wallet.config.js';
import {
  alreadyRefunded,
  amountTooLarge,
  debitNotFound,
  idempotencyConflict,
  insufficientFunds,
  KeyAlreadyUsed,
  refundExceedsDebit,
  unsupportedCurrency,
  walletNotFound,
} from './ledger.exceptions.js';
import { requestHash } from './request-hash.js';
import { rows } from '@airtime/platform';

type PlatformAccountKind = 'clearing' | 'funding' | 'adjustments';

interface TransferRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  kind: TransferView['kind'];
  owner_account_id: string;
  mode: ApiKeyMode;
  currency: string;
  amount: string;
  order_id: string | null;
  refund_of: string | null;
  reason: string | null;
  actor: string | null;
  created_at: Date;
  balance_after: string;
}

const TRANSFER_VIEW_SQL = `
  SELECT t.*, e.balance_after
    FROM transfers t
    JOIN ledger_entries e ON e.transfer_id = t.id AND e.balance_after IS NOT NULL`;

/**
 * Every movement of money: one transfer, written once, with entries that sum to zero. A wallet's
 * balance changes only in the same transaction as its entry, through a conditional UPDATE that holds
 * the wallet's row lock, so concurrent debits queue on the row and none can overdraw it. The transfer
 * row is inserted first: a concurrent request with the same key waits on its unique index and then
 * replays the winner's result instead of moving money twice.
 */
@Injectable()
export class LedgerService {
  private readonly platformAccountIds = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WalletConfig,
  ) {}

  async debit(request: DebitWalletRequest): Promise<TransferView> {
    const amount = this.checkAmount(request.currency, request.amount_minor);
    const hash = requestHash(request);
    const clearing = await this.platformAccount('clearing', 'orders', request.currency, request.mode);
    let result: { outcome: 'debited' | 'replay'; transfer_id: string; balance_after: string; created_at: Date } | undefined;
    try {
      [result] = await this.dataSource.query(`SELECT * FROM ledger_debit($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        request.idempotency_key, hash, request.account_id, request.mode, request.currency, amount.toString(),
        request.order_id ?? null, request.description ?? null, clearing,
      ]);
    } catch (error) {
      const message = (error as { driverError?: { message?: string } }).driverError?.message;
      if (message === 'INSUFFICIENT_FUNDS') throw insufficientFunds();
      if (message === 'WALLET_NOT_FOUND') throw walletNotFound();
      throw error;
    }
    if (result?.outcome === 'debited') {
      return {
        id: result.transfer_id,
        idempotency_key: request.idempotency_key,
        kind: 'debit',
        account_id: request.account_id,
        mode: request.mode,
        currency: request.currency,
        amount_minor: amount.toString(),
        balance_after_minor: String(result.balance_after),
        order_id: request.order_id ?? null,
        refund_of: null,
        reason: null,
        actor: null,
        created_at: new Date(result.created_at).toISOString(),
      };
    }
    const replayed = await this.replay(request.idempotency_key, hash);
    if (!replayed) throw new Error(`debit ${request.idempotency_key} was a replay but cannot be read back`);
    return replayed;
  }

  async refund(request: RefundDebitRequest): Promise<TransferView> {
    const hash = requestHash(request);
    const [debit] = await rows<TransferRow>(
      this.dataSource.manager,
      `SELECT * FROM transfers WHERE idempotency_key = $1 AND kind = 'debit' AND owner_account_id = $2`,
      [request.debit_key, request.account_id],
    );
    if (!debit) throw debitNotFound();
    const amount = request.amount_minor === undefined ? BigInt(debit.amount) : BigInt(request.amount_minor);
    if (amount > BigInt(debit.amount)) throw refundExceedsDebit();
    const clearing = await this.platformAccount('clearing', 'orders', debit.currency, debit.mode);

    return this.once(request.idempotency_key, hash, async (m) => {
      const transfer = await this.insertTransfer(m, {
        key: request.idempotency_key, hash, kind: 'refund', owner: debit.owner_account_id, mode: debit.mode,
        currency: debit.currency, amount, orderId: debit.order_id ?? undefined, refundOf: debit.id, reason: request.reason,
        description: request.reason,
      });
      const wallet = await this.creditWalletRow(m, debit.owner_account_id, debit.currency, debit.mode, amount);
      await this.insertEntries(m, transfer.id, wallet, amount, clearing);
      return { ...transfer, balance_after: wallet.balance };
    }, async () => {
      // The key is new but the debit already has a refund under another key.
      throw alreadyRefunded();
    });
  }

  async credit(request: CreditWalletRequest): Promise<TransferView> {
    const amount = this.checkAmount(request.currency, request.amount_minor);
    const hash = requestHash(request);
    const counter =
      request.kind === 'topup'
        ? await this.platformAccount('funding', request.source as string, request.currency, request.mode)
        : await this.platformAccount('adjustments', 'operator', request.currency, request.mode);
    await this.ensureWallet(request.account_id, request.currency, request.mode);
    return this.once(request.idempotency_key, hash, async (m) => {
      const transfer = await this.insertTransfer(m, {
        key: request.idempotency_key, hash, kind: request.kind, owner: request.account_id, mode: request.mode,
        currency: request.currency, amount, reason: request.reason, actor: request.actor,
        description: request.description ?? (request.kind === 'topup' ? `Top-up via ${request.source}` : request.reason),
      });
      const wallet = await this.creditWalletRow(m, request.account_id, request.currency, request.mode, amount);
      await this.insertEntries(m, transfer.id, wallet, amount, counter);
      return { ...transfer, balance_after: wallet.balance };
    });
  }

  /**
   * Runs `write` in a transaction; when its transfer's key was used before, the transaction is rolled
   * back and the original transfer is returned instead (or refused, if the request differs). The
   * first-time path costs no extra lookup: the unique key itself detects the replay.
   */
  private async once(
    key: string,
    hash: string,
    write: (m: EntityManager) => Promise<TransferRow>,
    onOtherConflict?: () => Promise<never>,
  ): Promise<TransferView> {
    try {
      // PostgreSQL's default, READ COMMITTED, is what the conditional UPDATE relies on.
      return toTransferView(await this.dataSource.transaction(write));
    } catch (error) {
      if (!(error instanceof KeyAlreadyUsed)) throw error;
      const winner = await this.replay(key, hash);
      if (winner) return winner;
      if (onOtherConflict) return onOtherConflict();
      throw error;
    }
  }

  private async replay(key: string, hash: string): Promise<TransferView | undefined> {
    const [existing] = await rows<TransferRow>(this.dataSource.manager, `${TRANSFER_VIEW_SQL} WHERE t.idempotency_key = $1`, [key]);
    if (!existing) return undefined;
    if (existing.request_hash !== hash) throw idempotencyConflict(key);
    return toTransferView(existing);
  }

  private async insertTransfer(
    m: EntityManager,
    t: {
      key: string; hash: string; kind: TransferView['kind']; owner: string; mode: ApiKeyMode; currency: string; amount: bigint;
      orderId?: string; refundOf?: string; reason?: string; actor?: string; description?: string;
    },
  ): Promise<Omit<TransferRow, 'balance_after'>> {
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

  private async walletExists(m: EntityManager, owner: string, currency: string, mode: ApiKeyMode): Promise<boolean> {
    const found = await rows(m, `SELECT 1 FROM ledger_accounts WHERE kind = 'wallet' AND owner_account_id = $1 AND currency = $2 AND mode = $3`, [owner, currency, mode]);
    return found.length > 0;
  }

  private async ensureWallet(owner: string, currency: string, mode: ApiKeyMode): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ledger_accounts (code, kind, owner_account_id, currency, mode)
       VALUES ($1, 'wallet', $2, $3, $4) ON CONFLICT DO NOTHING`,
      [`wallet:${owner}:${currency}:${mode}`, owner, currency, mode],
    );
  }

  /** The platform's side of transfers (created on first use, then remembered). */
  private async platformAccount(kind: PlatformAccountKind, name: string, currency: string, mode: ApiKeyMode): Promise<string> {
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

  private checkAmount(currency: string, amountMinor: string): bigint {
    if (!this.config.currencies().has(currency) || !isSupportedCurrency(currency)) throw unsupportedCurrency(currency);
    const amount = BigInt(amountMinor);
    if (amount > this.config.maxTransferMinor()) throw amountTooLarge(this.config.maxTransferMinor());
    return amount;
  }
}

export function toTransferView(row: TransferRow): TransferView {
  return {
    id: row.id,
    idempotency_key: row.idempotency_key,
    kind: row.kind,
    account_id: row.owner_account_id,
    mode: row.mode,
    currency: row.currency,
    amount_minor: String(row.amount),
    balance_after_minor: String(row.balance_after),
    order_id: row.order_id,
    refund_of: row.refund_of,
    reason: row.reason,
    actor: row.actor,
    created_at: new Date(row.created_at).toISOString(),
  };
}
