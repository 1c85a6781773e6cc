import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, OrderEvent } from '@airtime/contracts';
import { type PageSeek, preparedRows, rows, seekSql } from '@airtime/platform';
import { countTransition } from './order-metrics.js';
import { type InternalOrderStatus, type OrderRow, publicStatus, toOrderView } from './order-row.js';

export type OrderChanges = Partial<
  Pick<OrderRow, 'provider_ref' | 'pin' | 'serial' | 'ussd' | 'token' | 'customer_name' | 'error_code' | 'message' | 'needs_attention' | 'upstream' | 'upstream_product' | 'attempts'>
>;

const CHANGEABLE = ['provider_ref', 'pin', 'serial', 'ussd', 'token', 'customer_name', 'error_code', 'message', 'needs_attention', 'upstream', 'upstream_product', 'attempts'] as const;

/** A changed column's SET clause and its parameter (attempts are jsonb: sent as JSON text, not a PostgreSQL array). */
function setOf(column: (typeof CHANGEABLE)[number], changes: OrderChanges, parameters: unknown[]): string {
  if (column === 'attempts') {
    parameters.push(JSON.stringify(changes.attempts));
    return `attempts = $${parameters.length}::jsonb`;
  }
  parameters.push(changes[column]);
  return `${column} = $${parameters.length}`;
}

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
    const [row] = await preparedRows<OrderRow>(this.dataSource, `SELECT * FROM orders WHERE id = $1`, [id]);
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
   * One statement: the event is written only when the order is, in the same implicit transaction.
   */
  async insert(order: NewOrder, leaseSeconds: number): Promise<OrderRow | undefined> {
    const id = randomUUID();
    const predicted: OrderRow = {
      ...order, id, seq: '', status: 'created', amount_minor: order.amount_minor.toString(), provider_ref: null, pin: null, serial: null, ussd: null,
      token: null, customer_name: null, error_code: null, message: null, needs_attention: false, attempts: [], lease_until: null, created_at: new Date(), updated_at: new Date(),
    };
    const [row] = await preparedRows<OrderRow>(
      this.dataSource,
      `WITH o AS (
         INSERT INTO orders (id, account_id, mode, agent_reference, request_hash, product_id, kind, country, network, upstream, upstream_product,
                             target, currency, amount_minor, custom_sms, status, lease_until, batch_id)
         VALUES ($17, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'created', now() + make_interval(secs => $15), $16)
         ON CONFLICT (account_id, mode, agent_reference) DO NOTHING
         RETURNING *),
       e AS (${eventInsert('$18')} FROM o x)
       SELECT * FROM o`,
      [order.account_id, order.mode, order.agent_reference, order.request_hash, order.product_id, order.kind, order.country, order.network,
        order.upstream, order.upstream_product, order.target, order.currency, order.amount_minor.toString(), order.custom_sms, leaseSeconds,
        order.batch_id, id, eventPayload(predicted)],
    );
    if (row) countTransition(row, 'created');
    return row;
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

  /**
   * Orders flagged for an operator, oldest first: unknown ones the reconciler could not resolve, and
   * those two upstreams say they delivered (one the order had failed over from reported a delivery).
   */
  async needingAttention(limit: number): Promise<OrderRow[]> {
    return rows<OrderRow>(
      this.dataSource,
      `SELECT * FROM orders
        WHERE needs_attention
          AND (status = 'unknown' OR (SELECT count(*) FROM jsonb_array_elements(attempts) a WHERE a->>'status' = 'success') > 1)
        ORDER BY created_at LIMIT $1`,
      [limit],
    );
  }

  /**
   * Orders not at rest, by status: how many, how many have not moved for `graceSeconds` (the
   * reconciler's backlog), the oldest's age and how many wait for an operator. The statuses are those
   * of the `orders_open` partial index, so this reads the orders in flight, never the whole table.
   */
  async openOrders(graceSeconds: number): Promise<{ status: InternalOrderStatus; open: number; stale: number; oldest_seconds: number; attention: number }[]> {
    return rows(
      this.dataSource,
      `SELECT status, count(*)::int AS open,
              (count(*) FILTER (WHERE updated_at < now() - make_interval(secs => $1)))::int AS stale,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds,
              (count(*) FILTER (WHERE needs_attention))::int AS attention
         FROM orders
        WHERE status IN ('created', 'debited', 'dispatching', 'unknown', 'failed', 'reversing')
        GROUP BY status`,
      [graceSeconds],
    );
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

  /**
   * Moves the order from `from` to `to`; undefined when it was not in `from` (someone else moved it).
   * One statement, so one round trip and one commit: the row is locked, changed, and its event
   * written when what the client sees changes. Reaching a state in which the order rests for its
   * driver also ends the lease, so the driver need not write again to let it go.
   */
  async transition(id: string, from: InternalOrderStatus[], to: InternalOrderStatus, changes: OrderChanges = {}, current?: OrderRow): Promise<OrderRow | undefined> {
    const sets = ['status = $3', 'updated_at = now()'];
    if (LEASE_ENDS_AT.includes(to)) sets.push('lease_until = NULL');
    // Clients see public statuses; created → debited → dispatching are all `pending` to them.
    const announcedFrom = from.filter((status) => publicStatus(status) !== publicStatus(to));
    const parameters: unknown[] = [id, from, to];
    for (const column of CHANGEABLE) {
      if (changes[column] === undefined) continue;
      sets.push(setOf(column, changes, parameters));
    }
    let event = '';
    if (announcedFrom.length) {
      const before = current ?? (await this.byId(id));
      if (!before) return undefined;
      parameters.push(eventPayload({ ...before, ...definedOf(changes), status: to }), announcedFrom);
      event = `, e AS (${eventInsert(`$${parameters.length - 1}`)} FROM u x WHERE x.previous_status = ANY($${parameters.length}))`;
    }
    // Prepared: its text is one of a few, by which columns the transition changes and whether it announces.
    const [row] = await preparedRows<OrderRow & { previous_status: InternalOrderStatus }>(
      this.dataSource,
      `WITH before AS (SELECT id, status AS previous_status FROM orders WHERE id = $1 FOR UPDATE),
       u AS (UPDATE orders o SET ${sets.join(', ')} FROM before
              WHERE o.id = before.id AND o.status = ANY($2)
             RETURNING o.*, before.previous_status)${event}
       SELECT * FROM u`,
      parameters,
    );
    if (!row) return undefined;
    const { previous_status: _, ...order } = row;
    countTransition(order, to);
    return order;
  }

  /** Changes details without a status change (e.g. flagging for an operator); the row as it now stands. */
  async annotate(id: string, changes: OrderChanges): Promise<OrderRow | undefined> {
    const sets: string[] = ['updated_at = now()'];
    const parameters: unknown[] = [id];
    for (const column of CHANGEABLE) {
      if (changes[column] === undefined) continue;
      sets.push(setOf(column, changes, parameters));
    }
    const [row] = await rows<OrderRow>(this.dataSource, `UPDATE orders SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, parameters);
    return row;
  }

  /** Takes the order for `seconds` unless another process holds it. */
  async lease(id: string, seconds: number): Promise<boolean> {
    const taken = await preparedRows(
      this.dataSource,
      `UPDATE orders SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND (lease_until IS NULL OR lease_until < now()) RETURNING id`,
      [id, seconds],
    );
    return taken.length === 1;
  }

  async release(id: string): Promise<void> {
    await preparedRows(this.dataSource, `UPDATE orders SET lease_until = NULL WHERE id = $1`, [id]);
  }

}

/** States in which the process that moved the order there stops working on it, so its lease ends. */
const LEASE_ENDS_AT: InternalOrderStatus[] = ['success', 'refunded', 'rejected', 'unknown', 'reversed'];

/**
 * The outbox row of an order event, as the tail of an `INSERT … SELECT … FROM <changed row>`. The
 * payload is the order's view as the caller expects it to be written; what only the database knows
 * (the generated timestamps, and needs_attention, which other writers may set) is taken from the row
 * the same statement wrote, so the event is exactly the row it announces.
 */
function eventInsert(payloadParameter: string): string {
  const iso = (column: string) => `to_jsonb(to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
  const order = (alias: string) =>
    `jsonb_set(jsonb_set(jsonb_set(${payloadParameter}::jsonb, '{order,created_at}', ${iso(`${alias}.created_at`)}), '{order,updated_at}', ${iso(`${alias}.updated_at`)}), '{order,needs_attention}', to_jsonb(${alias}.needs_attention))`;
  return `INSERT INTO order_events (order_id, account_id, status, payload) SELECT x.id, x.account_id, (${payloadParameter}::jsonb #>> '{order,status}'), ${order('x')}`;
}

function eventPayload(row: OrderRow): Omit<OrderEvent, 'id'> {
  const order = toOrderView(row);
  return { type: 'order.status_changed', occurred_at: new Date().toISOString(), order };
}

function definedOf(changes: OrderChanges): OrderChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
