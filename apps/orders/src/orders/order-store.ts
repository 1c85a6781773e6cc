import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, OrderEvent } from '@airtime/contracts';
import { type PageSeek, rows, seekSql } from '@airtime/platform';
import { type InternalOrderStatus, type OrderRow, publicStatus, toOrderView } from './order-row.js';

export type OrderChanges = Partial<
  Pick<OrderRow, 'provider_ref' | 'pin' | 'serial' | 'ussd' | 'token' | 'customer_name' | 'error_code' | 'message' | 'needs_attention'>
>;

const CHANGEABLE = ['provider_ref', 'pin', 'serial', 'ussd', 'token', 'customer_name', 'error_code', 'message', 'needs_attention'] as const;

/** What a new order is made of; it starts `created`, leased to the process that inserts it. */
export type NewOrder = Pick<
  OrderRow,
  'account_id' | 'mode' | 'agent_reference' | 'request_hash' | 'product_id' | 'kind' | 'country' | 'network' | 'upstream' | 'upstream_product' | 'target' | 'currency' | 'custom_sms'
> & { amount_minor: bigint; batch_id: string | null };

export interface OrderFilter {
  account_id: string;
  mode: ApiKeyMode;
  statuses?: InternalOrderStatus[];
  network?: string;
  target?: string;
  from?: string;
  to?: string;
  batch_id?: string;
}

/**
 * Every read and write of the `orders` table. A transition names the state it expects, so two
 * processes can never both move an order out of the same state, and it writes the order's event to
 * the outbox in the same transaction, so no status change goes unpublished.
 */
@Injectable()
export class OrderStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<OrderRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM orders WHERE id = $1`, [id])) as OrderRow[];
    return row;
  }

  async byAgentReference(accountId: string, mode: string, agentReference: string): Promise<OrderRow | undefined> {
    const [row] = await rows<OrderRow>(
      this.dataSource,
      `SELECT * FROM orders WHERE account_id = $1 AND mode = $2 AND agent_reference = $3`,
      [accountId, mode, agentReference],
    );
    return row;
  }

  /**
   * Inserts the order with its first event, leased for `leaseSeconds` to the caller; undefined when
   * the account already has an order with this agent_reference (a replay, even a concurrent one).
   */
  async insert(order: NewOrder, leaseSeconds: number): Promise<OrderRow | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await rows<OrderRow>(
        m,
        `INSERT INTO orders (account_id, mode, agent_reference, request_hash, product_id, kind, country, network, upstream, upstream_product,
                             target, currency, amount_minor, custom_sms, status, lease_until, batch_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'created', now() + make_interval(secs => $15), $16)
         ON CONFLICT (account_id, mode, agent_reference) DO NOTHING
         RETURNING *`,
        [order.account_id, order.mode, order.agent_reference, order.request_hash, order.product_id, order.kind, order.country, order.network,
          order.upstream, order.upstream_product, order.target, order.currency, order.amount_minor.toString(), order.custom_sms, leaseSeconds,
          order.batch_id],
      );
      if (row) await this.recordEvent(m, row);
      return row;
    });
  }

  /** The account's orders matching the filter, within the seek's bounds on `seq`, in its direction. */
  async list(filter: OrderFilter, seek: PageSeek): Promise<OrderRow[]> {
    const where = ['account_id = $1', 'mode = $2'];
    const parameters: unknown[] = [filter.account_id, filter.mode];
    const add = (sql: (n: number) => string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(sql(parameters.length));
    };
    add((n) => `status = ANY($${n})`, filter.statuses);
    add((n) => `network = $${n}`, filter.network);
    add((n) => `target = $${n}`, filter.target);
    add((n) => `created_at >= $${n}`, filter.from);
    add((n) => `created_at < $${n}`, filter.to);
    add((n) => `batch_id = $${n}`, filter.batch_id);
    const page = seekSql('seq', seek, parameters);
    return rows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE ${[...where, ...page.where].join(' AND ')} ${page.tail}`, parameters);
  }

  /** Those of `ids` that are the account's orders in `mode`, in no particular order. */
  async byIds(accountId: string, mode: ApiKeyMode, ids: string[]): Promise<OrderRow[]> {
    return rows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE account_id = $1 AND mode = $2 AND id = ANY($3)`, [accountId, mode, ids]);
  }

  /** Unknown orders flagged for an operator, oldest first. */
  async needingAttention(limit: number): Promise<OrderRow[]> {
    return rows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE needs_attention AND status = 'unknown' ORDER BY created_at LIMIT $1`, [limit]);
  }

  /**
   * Claims up to `batchSize` orders that are not resting and have not moved for `graceSeconds`,
   * each leased for `leaseSeconds`. Rows another replica is claiming are skipped (SKIP LOCKED), and
   * those least recently checked come first so that no order starves.
   */
  async claimStale(graceSeconds: number, batchSize: number, leaseSeconds: number): Promise<OrderRow[]> {
    return rows<OrderRow>(
      this.dataSource,
      `UPDATE orders SET lease_until = now() + make_interval(secs => $3), last_checked_at = now()
        WHERE id IN (
          SELECT id FROM orders
           WHERE status IN ('created', 'debited', 'dispatching', 'unknown', 'failed', 'reversing')
             AND updated_at < now() - make_interval(secs => $1)
             AND (lease_until IS NULL OR lease_until < now())
           ORDER BY last_checked_at NULLS FIRST, updated_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [graceSeconds, batchSize, leaseSeconds],
    );
  }

  /**
   * A batch's orders counted by what its client sees, except that a failed order whose refund has not
   * landed yet is still `pending`: it is still moving money.
   */
  async countByBatch(batchId: string): Promise<Record<string, number>> {
    return (await this.countByBatches([batchId])).get(batchId) ?? {};
  }

  /** countByBatch for several batches in one query; a batch without orders has no entry. */
  async countByBatches(batchIds: string[]): Promise<Map<string, Record<string, number>>> {
    const counts = await rows<{ batch_id: string; status: string; n: number }>(
      this.dataSource,
      `SELECT batch_id, CASE WHEN status IN ('created', 'debited', 'dispatching', 'failed') THEN 'pending' WHEN status = 'rejected' THEN 'failed' ELSE status END AS status, count(*)::int AS n
         FROM orders WHERE batch_id = ANY($1) GROUP BY 1, 2`,
      [batchIds],
    );
    const byBatch = new Map<string, Record<string, number>>();
    for (const c of counts) byBatch.set(c.batch_id, { ...byBatch.get(c.batch_id), [c.status]: c.n });
    return byBatch;
  }

  /** Moves the order from `from` to `to`; undefined when it was not in `from` (someone else moved it). */
  async transition(id: string, from: InternalOrderStatus[], to: InternalOrderStatus, changes: OrderChanges = {}): Promise<OrderRow | undefined> {
    return this.dataSource.transaction(async (m) => {
      const sets = ['status = $3', 'updated_at = now()'];
      const parameters: unknown[] = [id, from, to];
      for (const column of CHANGEABLE) {
        if (changes[column] === undefined) continue;
        parameters.push(changes[column]);
        sets.push(`${column} = $${parameters.length}`);
      }
      const [row] = await rows<OrderRow & { previous_status: InternalOrderStatus }>(
        m,
        `WITH before AS (SELECT id, status AS previous_status FROM orders WHERE id = $1 FOR UPDATE)
         UPDATE orders o SET ${sets.join(', ')} FROM before
          WHERE o.id = before.id AND o.status = ANY($2)
         RETURNING o.*, before.previous_status`,
        parameters,
      );
      if (!row) return undefined;
      // Clients see public statuses; created → debited → dispatching are all `pending` to them.
      if (publicStatus(row.previous_status) !== publicStatus(row.status)) await this.recordEvent(m, row);
      return row;
    });
  }

  /** Changes details without a status change (e.g. flagging for an operator). */
  async annotate(id: string, changes: OrderChanges): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const parameters: unknown[] = [id];
    for (const column of CHANGEABLE) {
      if (changes[column] === undefined) continue;
      parameters.push(changes[column]);
      sets.push(`${column} = $${parameters.length}`);
    }
    await this.dataSource.query(`UPDATE orders SET ${sets.join(', ')} WHERE id = $1`, parameters);
  }

  /** Takes the order for `seconds` unless another process holds it. */
  async lease(id: string, seconds: number): Promise<boolean> {
    const taken = await rows(
      this.dataSource,
      `UPDATE orders SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND (lease_until IS NULL OR lease_until < now()) RETURNING id`,
      [id, seconds],
    );
    return taken.length === 1;
  }

  async release(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE orders SET lease_until = NULL WHERE id = $1`, [id]);
  }

  private async recordEvent(m: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> }, row: OrderRow): Promise<void> {
    const order = toOrderView(row);
    const payload: Omit<OrderEvent, 'id'> = { type: 'order.status_changed', occurred_at: new Date().toISOString(), order };
    await m.query(`INSERT INTO order_events (order_id, account_id, status, payload) VALUES ($1, $2, $3, $4)`, [row.id, row.account_id, order.status, payload]);
  }
}
