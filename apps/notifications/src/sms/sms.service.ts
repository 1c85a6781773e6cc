import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, SmsView } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { backoffMs } from '../webhooks/backoff.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { SmsConfig } from './sms.config.js';

interface DueSms {
  id: string;
  recipient: string;
  mode: ApiKeyMode;
  body_sealed: string;
  attempt_count: number;
}

/**
 * Outgoing SMS through Africa's Talking's messaging API: queued durably (once per idempotency key),
 * sent by a loop that retries with backoff and marks a message failed after SMS_MAX_ATTEMPTS. The
 * text is never logged (it may hold a PIN); failures are logged with the recipient only.
 */
@Injectable()
export class SmsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SmsService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: SmsConfig,
    private readonly notifications: NotificationsConfig,
    private readonly webhooks: WebhooksService,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => this.nudge(), Math.max(200, this.notifications.WEBHOOK_DISPATCH_INTERVAL_MS));
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  async enqueue(idempotencyKey: string, purpose: string, to: string, message: string, mode: ApiKeyMode = 'live'): Promise<{ id: string; queued: boolean }> {
    const inserted = await rows<{ id: string }>(
      this.dataSource,
      `INSERT INTO sms_messages (idempotency_key, purpose, recipient, body_sealed, mode) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [idempotencyKey, purpose, to, this.webhooks.box.seal(message), mode],
    );
    this.nudge();
    if (inserted[0]) return { id: inserted[0].id, queued: true };
    const [existing] = await rows<{ id: string }>(this.dataSource, `SELECT id FROM sms_messages WHERE idempotency_key = $1`, [idempotencyKey]);
    return { id: existing?.id ?? '', queued: false };
  }

  /** For operators: what was sent, what is retrying and why, what failed for good; never the text. */
  async list(status?: string, limit = 100, mode?: ApiKeyMode): Promise<SmsView[]> {
    const where: string[] = [];
    const parameters: unknown[] = [limit];
    if (status) where.push(`status = $${parameters.push(status)}`);
    if (mode) where.push(`mode = $${parameters.push(mode)}`);
    const found = await rows<SmsView & { created_at: Date; sent_at: Date | null }>(
      this.dataSource,
      `SELECT id, purpose, mode, recipient, status, attempt_count, last_error, created_at, sent_at FROM sms_messages
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT $1`,
      parameters,
    );
    return found.map((m) => ({ ...m, created_at: new Date(m.created_at).toISOString(), sent_at: m.sent_at ? new Date(m.sent_at).toISOString() : null }));
  }

  nudge(): void {
    if (this.running) return;
    this.running = this.sendDue()
      .catch((error: Error) => this.logger.warn(`SMS round failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }

  private async sendDue(): Promise<void> {
    const due = await rows<DueSms>(
      this.dataSource,
      `UPDATE sms_messages SET lease_until = now() + interval '60 seconds'
        WHERE id IN (SELECT id FROM sms_messages WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                      ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, mode, body_sealed, attempt_count`,
    );
    await Promise.all(due.map((sms) => this.send(sms)));
  }

  private async send(sms: DueSms): Promise<void> {
    const attempt = sms.attempt_count + 1;
    let messageId: string | null = null;
    let error: string | null = null;
    try {
      const endpoint = this.config.endpoint(sms.mode);
      const form = new URLSearchParams({ username: endpoint.username, to: `+${sms.recipient.replace(/^\+/, '')}`, message: this.webhooks.box.open(sms.body_sealed) });
      if (this.config.SMS_SENDER_ID) form.set('from', this.config.SMS_SENDER_ID);
      const response = await fetch(`${endpoint.baseUrl}/version1/messaging`, {
        method: 'POST',
        headers: { apiKey: endpoint.apiKey, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.config.SMS_TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => undefined)) as { SMSMessageData?: { Recipients?: { statusCode: number; status: string; messageId: string }[] } } | undefined;
      const recipient = answer?.SMSMessageData?.Recipients?.[0];
      // 100 Processed, 101 Sent, 102 Queued are accepted; anything else is a failure to retry.
      if (response.ok && recipient && [100, 101, 102].includes(recipient.statusCode)) messageId = recipient.messageId;
      else error = `HTTP ${response.status}${recipient ? `, ${recipient.status}` : ''}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const failedForGood = !messageId && attempt >= this.config.SMS_MAX_ATTEMPTS;
    if (error) this.logger.warn(`SMS ${sms.id} (${sms.mode}) to ${sms.recipient} not sent (attempt ${attempt}): ${error}`);
    await this.dataSource.query(
      `UPDATE sms_messages SET attempt_count = $2, lease_until = NULL, status = $3, last_error = $4, provider_message_id = $5,
              sent_at = CASE WHEN $3 = 'sent' THEN now() END, next_attempt_at = now() + make_interval(secs => $6::float / 1000)
        WHERE id = $1`,
      [sms.id, attempt, messageId ? 'sent' : failedForGood ? 'failed' : 'pending', error, messageId,
        backoffMs(attempt, this.notifications.WEBHOOK_BACKOFF_BASE_MS, this.notifications.WEBHOOK_BACKOFF_MAX_MS)],
    );
  }
}
