import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agent, errors as undiciErrors, request } from 'undici';
import { airtimeSignature, rows } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { backoffMs } from '../webhooks/backoff.js';
import { TargetRefusedError } from '../webhooks/target-policy.js';
import { standardWebhookSignature } from '../webhooks/webhook-signature.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { observeAttempt, watchBacklog } from './delivery-metrics.js';

interface DueDelivery {
  id: string;
  endpoint_id: string;
  body: string;
  attempt_count: number;
  created_at: Date;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  deleted_at: Date | null;
}

/** Receivers' answers are not read; this bounds what the client buffers if one floods us anyway. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Sends due deliveries: claimed with a lease under SKIP LOCKED (replicas share the work, none sends
 * the same delivery at once), signed as 001 shows plus Standard Webhooks' id/timestamp/signature, with
 * a timeout and a bounded number in flight per endpoint. Non-2xx or no answer: retried with backoff
 * and jitter until WEBHOOK_RETRY_FOR_SECONDS, then dead-lettered. Every attempt is recorded.
 *
 * The connection resolves through the target policy, so it goes only to an address checked at that
 * moment (DNS rebinding after registration is refused). Redirects are not followed and the receiver's
 * answer is not read. Tenants see only a generic reason (connection failed, timeout, HTTP 500): the
 * underlying error would map the platform's network for them. Operators find it in the logs.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly inFlight = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private readonly agent: Agent;
  private unwatch?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    private readonly webhooks: WebhooksService,
  ) {
    this.agent = new Agent({ connect: { lookup: webhooks.targets.lookup, timeout: config.WEBHOOK_TIMEOUT_MS }, maxResponseSize: MAX_RESPONSE_BYTES });
  }

  onApplicationBootstrap() {
    this.unwatch = watchBacklog(this.dataSource);
    this.timer = setInterval(() => this.nudge(), this.config.WEBHOOK_DISPATCH_INTERVAL_MS);
  }

  async onApplicationShutdown() {
    this.unwatch?.();
    clearInterval(this.timer);
    await this.running;
    await this.agent.close().catch(() => undefined);
  }

  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sendDue()
      .catch((error: Error) => this.logger.warn(`delivery round failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async sendDue(): Promise<void> {
    const lease = Math.ceil(this.config.WEBHOOK_TIMEOUT_MS / 1000) + 30;
    const due = await rows<DueDelivery>(
      this.dataSource,
      `WITH claimed AS (
         UPDATE webhook_deliveries SET lease_until = now() + make_interval(secs => $1)
          WHERE id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT c.id, c.endpoint_id, c.body, c.attempt_count, c.created_at, e.url, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at, e.deleted_at
         FROM claimed c JOIN webhook_endpoints e ON e.id = c.endpoint_id`,
      [lease],
    );
    // An endpoint deleted while its delivery was being claimed: cancelled, never sent.
    const gone = due.filter((d) => d.deleted_at).map((d) => d.id);
    if (gone.length) await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'cancelled', lease_until = NULL WHERE id = ANY($1) AND status = 'pending'`, [gone]);
    const sends: Promise<void>[] = [];
    for (const delivery of due.filter((d) => !d.deleted_at)) {
      const busy = this.inFlight.get(delivery.endpoint_id) ?? 0;
      if (busy >= this.config.WEBHOOK_CONCURRENCY_PER_ENDPOINT) {
        await this.dataSource.query(`UPDATE webhook_deliveries SET lease_until = NULL WHERE id = $1`, [delivery.id]);
        continue;
      }
      this.inFlight.set(delivery.endpoint_id, busy + 1);
      sends.push(this.send(delivery).finally(() => this.inFlight.set(delivery.endpoint_id, (this.inFlight.get(delivery.endpoint_id) ?? 1) - 1)));
    }
    await Promise.all(sends);
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const attempt = delivery.attempt_count + 1;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // An address literal never goes through `lookup`; a name is checked again as it connects.
      await this.webhooks.targets.check(delivery.url);
      const secret = this.webhooks.box.open(delivery.secret_sealed);
      const secrets = [secret];
      if (delivery.previous_secret_sealed && delivery.previous_secret_expires_at && new Date(delivery.previous_secret_expires_at) > new Date()) {
        secrets.push(this.webhooks.box.open(delivery.previous_secret_sealed));
      }
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await request(delivery.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'airtime-webhooks/1',
          'x-airtime-signature': airtimeSignature(delivery.body, secret),
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': standardWebhookSignature(delivery.id, timestamp, delivery.body, secrets),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      statusCode = response.statusCode;
      // Not read: at most a little is drained (so the connection can be reused), then it is dropped.
      await response.body.dump({ limit: 4096 }).catch(() => undefined);
    } catch (e) {
      error = tenantReason(e);
      this.logger.warn(`delivery ${delivery.id} to endpoint ${delivery.endpoint_id} failed (attempt ${attempt}): ${operatorDetail(e)}`);
    }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    if (statusCode !== null && !ok) error = `HTTP ${statusCode}`;
    const giveUp = !ok && Date.now() - new Date(delivery.created_at).getTime() > this.config.WEBHOOK_RETRY_FOR_SECONDS * 1000;
    const wait = backoffMs(attempt, this.config.WEBHOOK_BACKOFF_BASE_MS, this.config.WEBHOOK_BACKOFF_MAX_MS);
    await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`, [
        delivery.id, attempt, statusCode, error?.slice(0, 500) ?? null, Date.now() - started,
      ]);
      await m.query(
        `UPDATE webhook_deliveries
            SET attempt_count = $2, lease_until = NULL,
                status = $3,
                delivered_at = CASE WHEN $3 = 'delivered' THEN now() END,
                next_attempt_at = now() + make_interval(secs => $4::float / 1000)
          WHERE id = $1`,
        [delivery.id, attempt, ok ? 'delivered' : giveUp ? 'dead' : 'pending', wait],
      );
    });
    observeAttempt(ok ? 'delivered' : giveUp ? 'dead' : 'retry', attempt, started);
  }
}

function tenantReason(error: unknown): string {
  const e = error as Error;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e instanceof undiciErrors.ConnectTimeoutError
    || e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError) return 'timeout';
  return 'connection failed';
}

function operatorDetail(error: unknown): string {
  const e = error as Error & { cause?: Error; detail?: string };
  if (e instanceof TargetRefusedError) return `receiver refused by policy: ${e.detail}`;
  return [e.name, e.message, e.cause?.message].filter(Boolean).join(': ');
}
