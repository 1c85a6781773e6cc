import type { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
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

const LAG_HELP = "Events of a stream its durable consumer has not taken yet (state=pending) or has taken and not yet acked (state=ack_pending): notifications' lag behind orders and wallet";
const consumerLag = scrapedGauge('jetstream_consumer_pending_events', LAG_HELP, ['stream', 'consumer', 'state']);

/**
 * The durable consumers' lag, read from JetStream on scrape (one consumer info each); a consumer not
 * created yet reports nothing. The function returned stops it.
 */
export function watchConsumerLag(connection: () => NatsConnection | undefined, streams: string[], consumer: string): () => void {
  return consumerLag.add(async (gauge) => {
    const nc = connection();
    if (!nc || nc.isClosed()) return;
    const manager = await jetstreamManager(nc);
    await Promise.all(streams.map(async (stream) => {
      const info = await manager.consumers.info(stream, consumer).catch(() => undefined);
      if (!info) return;
      gauge.labels(stream, consumer, 'pending').set(info.num_pending);
      gauge.labels(stream, consumer, 'ack_pending').set(info.num_ack_pending);
    }));
  });
}
