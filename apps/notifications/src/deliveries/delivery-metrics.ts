import type { DataSource } from 'typeorm';
import { histogram, rows, scrapedGauge, sharedRead } from '@airtime/platform';

/** Past this many rows the counts stop: a scrape stays cheap however large the backlog. */
const COUNT_CAP = 100_000;

/**
 * Each attempt to send a webhook: delivered (2xx), retry (it will be tried again after a backoff) or
 * dead (given up after WEBHOOK_RETRY_FOR_SECONDS); `retry="true"` when it was not the first attempt.
 */
const attempts = histogram('webhook_attempt_duration_seconds', 'Webhook delivery attempts by outcome (delivered, retry, dead) and whether the attempt was itself a retry', ['outcome', 'retry']);

const pending = scrapedGauge('webhook_backlog_deliveries', `Webhook deliveries not yet delivered nor given up (counted up to ${COUNT_CAP})`, []);
const due = scrapedGauge('webhook_due_deliveries', `Pending webhook deliveries whose next attempt is due now: what the dispatcher is behind on (counted up to ${COUNT_CAP})`, []);
const oldest = scrapedGauge('webhook_oldest_pending_age_seconds', 'Age of the oldest webhook delivery still pending (0 when none)', []);

export function observeAttempt(outcome: 'delivered' | 'retry' | 'dead', attempt: number, startedMs: number): void {
  attempts.labels(outcome, attempt > 1 ? 'true' : 'false').observe((Date.now() - startedMs) / 1000);
}

/** The backlog gauges, read on scrape over the `webhook_deliveries_due` partial index (pending rows only); the function returned stops them. */
export function watchBacklog(dataSource: DataSource): () => void {
  const read = sharedRead(async () => {
    if (!dataSource.isInitialized) return undefined;
    const [row] = await rows<{ pending: number; due: number; oldest: number | null }>(dataSource,
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM webhook_deliveries WHERE status = 'pending' LIMIT ${COUNT_CAP}) x) AS pending,
              (SELECT count(*)::int FROM (SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now() LIMIT ${COUNT_CAP}) x) AS due,
              (SELECT extract(epoch FROM now() - min(created_at))::float8 FROM webhook_deliveries WHERE status = 'pending') AS oldest`);
    return row;
  });
  const stops = [
    pending.add(async (gauge) => {
      const row = await read();
      if (row) gauge.set(row.pending);
    }),
    due.add(async (gauge) => {
      const row = await read();
      if (row) gauge.set(row.due);
    }),
    oldest.add(async (gauge) => {
      const row = await read();
      if (row) gauge.set(Math.max(0, row.oldest ?? 0));
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
