import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderEvent } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import { type InternalOrderStatus, type OrderRow, publicStatus, toOrderView } from './order-row.js';

export type OrderChanges = Partial<
  Pick<OrderRow, 'provider_ref' | 'pin' | 'serial' | 'ussd' | 'token' | 'customer_name' | 'error_code' | 'message' | 'needs_attention'>
>;

const CHANGEABLE = ['provider_ref', 'pin', 'serial', 'ussd', 'token', 'customer_name', 'error_code', 'message', 'needs_attention'] as const;

/**
 * Every write to an order. A transition names the state it expects, so two processes can never both
 * move an order out of the same state, and it writes the order's event to the outbox in the same
 * transaction, so no status change goes unpublished.
 */
@Injectable()
export class OrderStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<OrderRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM orders WHERE id = $1`, [id])) as OrderRow[];
    return row;
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

  async recordEvent(m: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> }, row: OrderRow): Promise<void> {
    const order = toOrderView(row);
    const payload: Omit<OrderEvent, 'id'> = { type: 'order.status_changed', occurred_at: new Date().toISOString(), order };
    await m.query(`INSERT INTO order_events (order_id, account_id, status, payload) VALUES ($1, $2, $3, $4)`, [row.id, row.account_id, order.status, payload]);
  }
}
