import type { ApiKeyMode, BatchView } from '@airtime/contracts';

export interface BatchRow {
  id: string;
  seq: string;
  account_id: string;
  mode: ApiKeyMode;
  total_count: number;
  refused_count: number;
  /** Set for a CSV batch (POST /api/v1/bulk), which records when every row became final. */
  batch_reference: string | null;
  completed_at: Date | null;
  created_at: Date;
}

/** A batch as its client sees it, from its row and its orders counted by status (OrderStore.countByBatches). */
export function toBatchView(batch: BatchRow, orderCounts: Record<string, number>): BatchView {
  const byStatus = { ...orderCounts };
  // Items refused before becoming orders (a bad number, an amount out of range) count as failed.
  if (batch.refused_count) byStatus['refused'] = batch.refused_count;
  // A failed order whose refund has not landed yet is counted pending: still moving money, not done.
  const finished = (byStatus['success'] ?? 0) + (byStatus['refunded'] ?? 0) + (byStatus['failed'] ?? 0) + batch.refused_count;
  return {
    batch_id: batch.id,
    mode: batch.mode,
    total_count: batch.total_count,
    // A CSV batch's rows that failed the preview never become orders: it knows itself when it is done.
    status: (batch.batch_reference !== null ? batch.completed_at !== null : finished >= batch.total_count) ? 'completed' : 'processing',
    counts: byStatus,
    created_at: new Date(batch.created_at).toISOString(),
  };
}
