import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatMinor } from '@airtime/money';
import type { ApiKeyMode, BatchCompletedEvent, BulkBatchStatus, BulkBatchView, BulkResultRowView } from '@airtime/contracts';
import { rows } from '@airtime/platform';

export interface BulkBatchRow {
  id: string;
  account_id: string;
  mode: ApiKeyMode;
  batch_reference: string;
  preview_id: string;
  status: BulkBatchStatus;
  total_count: number;
  created_at: Date;
  completed_at: Date | null;
}

/** A row claimed to be made an order. */
export interface ClaimedBatchRow {
  batch_id: string;
  row: number;
  account_id: string;
  mode: ApiKeyMode;
  target: string;
  amount: string;
  product_id: number;
  agent_reference: string;
  custom_sms: string | null;
}

const BATCH = 'id, account_id, mode, batch_reference, preview_id, status, total_count, created_at, completed_at';
/** Order states nothing will move any more (unknown is still the reconciler's). */
const FINAL_ORDER_STATES = `('success', 'refunded', 'rejected', 'reversed')`;
/** How a batch row reads: its own state until it is an order, then its order's public status. */
const ROW_STATUS = `CASE WHEN r.status <> 'dispatched' THEN r.status
  WHEN o.status IN ('created', 'debited', 'dispatching', 'failed') THEN 'pending' WHEN o.status = 'rejected' THEN 'failed' WHEN o.status = 'reversing' THEN 'reversed' ELSE o.status END`;

/** Every read and write of a sheet's batch and its rows (`batches` rows with a batch_reference, and `batch_rows`). */
@Injectable()
export class BulkBatchStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byReference(accountId: string, mode: ApiKeyMode, batchReference: string): Promise<BulkBatchRow | undefined> {
    const [batch] = await rows<BulkBatchRow>(this.dataSource, `SELECT ${BATCH} FROM batches WHERE account_id = $1 AND mode = $2 AND batch_reference = $3`, [accountId, mode, batchReference]);
    return batch;
  }

  async byPreview(previewId: string): Promise<BulkBatchRow | undefined> {
    const [batch] = await rows<BulkBatchRow>(this.dataSource, `SELECT ${BATCH} FROM batches WHERE preview_id = $1`, [previewId]);
    return batch;
  }

  async byId(accountId: string, mode: ApiKeyMode, id: string): Promise<BulkBatchRow | undefined> {
    const [batch] = await rows<BulkBatchRow>(this.dataSource, `SELECT ${BATCH} FROM batches WHERE id = $1 AND account_id = $2 AND mode = $3 AND batch_reference IS NOT NULL`, [id, accountId, mode]);
    return batch;
  }

  /**
   * The batch of a checked preview with its rows, in one transaction: good rows queued, the others
   * kept as invalid with their problems; a row without agent_reference gets `<batch_reference>-r<row>`.
   * Undefined when the batch_reference or the preview was taken meanwhile (the caller reads which).
   */
  async createFromPreview(accountId: string, mode: ApiKeyMode, previewId: string, batchReference: string): Promise<BulkBatchRow | undefined> {
    return this.dataSource.transaction(async (m) => {
      const [batch] = await rows<BulkBatchRow>(
        m,
        `INSERT INTO batches (account_id, mode, items, total_count, batch_reference, preview_id)
         SELECT $1, $2, '[]', p.row_count, $4, p.id FROM bulk_previews p WHERE p.id = $3
         ON CONFLICT DO NOTHING RETURNING ${BATCH}`,
        [accountId, mode, previewId, batchReference],
      );
      if (!batch) return undefined;
      await m.query(
        `INSERT INTO batch_rows (batch_id, row, target, amount, product_id, agent_reference, custom_sms, status, error)
         SELECT $1, p.row, coalesce(p.msisdn, p.target), p.amount, coalesce(p.resolved_product_id, p.product_id),
                coalesce(p.agent_reference, $3 || '-r' || p.row), p.custom_sms,
                CASE WHEN p.status IN ('ok', 'warning') THEN 'queued' ELSE 'invalid' END,
                (SELECT string_agg(e->>'message', '; ') FROM jsonb_array_elements(p.errors) e)
           FROM bulk_preview_rows p WHERE p.preview_id = $2`,
        [batch.id, previewId, batchReference],
      );
      // A derived reference can meet one a row gave itself: the later row is not paid as the earlier one's replay.
      await m.query(
        `UPDATE batch_rows r SET status = 'invalid', error = 'agent_reference ' || d.agent_reference || ' is also on row ' || d.first_row
           FROM (SELECT row, agent_reference, first_value(row) OVER w AS first_row, row_number() OVER w AS n
                   FROM batch_rows WHERE batch_id = $1 WINDOW w AS (PARTITION BY agent_reference ORDER BY row)) d
          WHERE r.batch_id = $1 AND r.row = d.row AND d.n > 1 AND r.status = 'queued'`,
        [batch.id],
      );
      return batch;
    });
  }

  /**
   * Up to `limit` queued rows of running batches no one holds, each leased for `leaseSeconds`; SKIP
   * LOCKED keeps two replicas from claiming the same row, the lease lets another take it over if its
   * holder dies.
   */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedBatchRow[]> {
    return rows<ClaimedBatchRow>(
      this.dataSource,
      `WITH claimable AS (
         SELECT r.batch_id, r.row FROM batch_rows r JOIN batches b ON b.id = r.batch_id
          WHERE r.status = 'queued' AND b.status = 'running' AND (r.lease_until IS NULL OR r.lease_until < now())
          ORDER BY b.created_at, r.row LIMIT $1 FOR UPDATE OF r SKIP LOCKED)
       UPDATE batch_rows r SET lease_until = now() + make_interval(secs => $2)
         FROM claimable c, batches b
        WHERE r.batch_id = c.batch_id AND r.row = c.row AND b.id = r.batch_id
       RETURNING r.batch_id, r.row, b.account_id, b.mode, r.target, r.amount, r.product_id, r.agent_reference, r.custom_sms`,
      [limit, leaseSeconds],
    );
  }

  async dispatched(batchId: string, row: number, orderId: string): Promise<void> {
    await this.dataSource.query(`UPDATE batch_rows SET status = 'dispatched', order_id = $3, lease_until = NULL, error = NULL WHERE batch_id = $1 AND row = $2`, [batchId, row, orderId]);
  }

  async refused(batchId: string, row: number, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE batch_rows SET status = 'refused', error = $3, lease_until = NULL WHERE batch_id = $1 AND row = $2 AND status = 'queued'`, [batchId, row, error]);
  }

  /** Gives a row back to be tried again after `seconds` (the service it needed did not answer). */
  async retryLater(batchId: string, row: number, seconds: number): Promise<void> {
    await this.dataSource.query(`UPDATE batch_rows SET lease_until = now() + make_interval(secs => $3) WHERE batch_id = $1 AND row = $2`, [batchId, row, seconds]);
  }

  /** Stops a running batch; its rows not yet dispatched are skipped by the next sweep (or now, if no one holds them). */
  async cancel(batch: BulkBatchRow): Promise<void> {
    await this.dataSource.query(`UPDATE batches SET status = 'cancelled' WHERE id = $1 AND status = 'running'`, [batch.id]);
    await this.skipCancelled();
  }

  /**
   * The queued rows of cancelled batches that no one holds are skipped; one whose holder died after
   * making its order (found by its reference) is recorded as dispatched instead, never hidden.
   */
  async skipCancelled(): Promise<void> {
    await this.dataSource.query(
      `UPDATE batch_rows r SET status = 'dispatched', order_id = o.id, lease_until = NULL
         FROM batches b, orders o
        WHERE b.id = r.batch_id AND b.status = 'cancelled' AND r.status = 'queued' AND (r.lease_until IS NULL OR r.lease_until < now())
          AND o.account_id = b.account_id AND o.mode = b.mode AND o.agent_reference = r.agent_reference`,
    );
    await this.dataSource.query(
      `UPDATE batch_rows r SET status = 'skipped', lease_until = NULL FROM batches b
        WHERE b.id = r.batch_id AND b.status = 'cancelled' AND r.status = 'queued' AND (r.lease_until IS NULL OR r.lease_until < now())`,
    );
  }

  /**
   * Marks finished the batches whose every row is final (no row queued, every order at rest), each
   * once, and writes each one's batch.completed event to the outbox in the same transaction.
   */
  async finishDone(): Promise<BulkBatchRow[]> {
    return this.dataSource.transaction(async (m) => {
      const finished = await rows<BulkBatchRow>(
        m,
        `UPDATE batches b SET status = CASE WHEN b.status = 'running' THEN 'completed' ELSE b.status END, completed_at = now()
          WHERE b.batch_reference IS NOT NULL AND b.completed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM batch_rows r WHERE r.batch_id = b.id AND r.status = 'queued')
            AND NOT EXISTS (SELECT 1 FROM batch_rows r JOIN orders o ON o.id = r.order_id WHERE r.batch_id = b.id AND o.status NOT IN ${FINAL_ORDER_STATES})
         RETURNING ${BATCH.split(', ').map((c) => `b.${c}`).join(', ')}`,
      );
      for (const batch of finished) {
        const payload: Omit<BatchCompletedEvent, 'id'> = { type: 'batch.completed', occurred_at: new Date().toISOString(), batch: await this.view(batch) };
        await m.query(`INSERT INTO order_events (batch_id, account_id, status, payload) VALUES ($1, $2, 'batch_completed', $3)`, [batch.id, batch.account_id, payload]);
      }
      return finished;
    });
  }

  /** The batch with its rows counted by status and its money per currency. */
  async view(batch: BulkBatchRow): Promise<BulkBatchView> {
    const [view] = await this.views([batch]);
    return view as BulkBatchView;
  }

  /** Several batches' progress in two queries, whatever their number (a page of batches in the graph). */
  async views(batches: BulkBatchRow[]): Promise<BulkBatchView[]> {
    if (batches.length === 0) return [];
    const ids = batches.map((b) => b.id);
    const counts = await rows<{ batch_id: string; status: string; n: number }>(
      this.dataSource,
      `SELECT r.batch_id, ${ROW_STATUS} AS status, count(*)::int AS n FROM batch_rows r LEFT JOIN orders o ON o.id = r.order_id WHERE r.batch_id = ANY($1) GROUP BY 1, 2`,
      [ids],
    );
    const amounts = await rows<{ batch_id: string; currency: string; sent: string; refunded: string }>(
      this.dataSource,
      `SELECT r.batch_id, o.currency, coalesce(sum(o.amount_minor) FILTER (WHERE o.status = 'success'), 0)::text AS sent,
              coalesce(sum(o.amount_minor) FILTER (WHERE o.status = 'refunded'), 0)::text AS refunded
         FROM batch_rows r JOIN orders o ON o.id = r.order_id WHERE r.batch_id = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    );
    return batches.map((batch) => ({
      batch_id: batch.id, batch_reference: batch.batch_reference, mode: batch.mode, status: batch.status, row_count: batch.total_count,
      counts: Object.fromEntries(counts.filter((c) => c.batch_id === batch.id).map((c) => [c.status, c.n])),
      amounts: amounts.filter((a) => a.batch_id === batch.id).map((a) => ({
        currency: a.currency, sent: formatMinor(BigInt(a.sent), a.currency), sent_minor: a.sent, refunded: formatMinor(BigInt(a.refunded), a.currency), refunded_minor: a.refunded,
      })),
      created_at: new Date(batch.created_at).toISOString(), completed_at: batch.completed_at ? new Date(batch.completed_at).toISOString() : null,
    }));
  }

  /** The account's bulk batches in one mode among `ids` (000's batches, which have no batch_reference, left out). */
  async byIds(accountId: string, mode: ApiKeyMode, ids: string[]): Promise<BulkBatchRow[]> {
    return rows<BulkBatchRow>(this.dataSource, `SELECT ${BATCH} FROM batches WHERE id = ANY($1) AND account_id = $2 AND mode = $3 AND batch_reference IS NOT NULL`, [ids, accountId, mode]);
  }

  async results(batchId: string, afterRow: number, limit: number): Promise<BulkResultRowView[]> {
    return rows<BulkResultRowView>(
      this.dataSource,
      `SELECT r.row, r.target, r.amount, r.product_id, r.agent_reference, r.custom_sms, ${ROW_STATUS} AS status, r.order_id, o.provider_ref,
              coalesce(r.error, CASE WHEN o.status NOT IN ('success', 'created', 'debited', 'dispatching') THEN nullif(concat_ws(': ', o.error_code, o.message), '') END) AS error
         FROM batch_rows r LEFT JOIN orders o ON o.id = r.order_id WHERE r.batch_id = $1 AND r.row > $2 ORDER BY r.row LIMIT $3`,
      [batchId, afterRow, limit],
    );
  }
}
