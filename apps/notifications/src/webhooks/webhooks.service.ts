import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiKeyMode, CreateWebhookEndpointRequest, WebhookEndpointView, WebhookEventType } from '@airtime/contracts';
import { rows, SecretBox } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { TargetPolicy, TargetRefusedError } from './target-policy.js';
import { endpointLimitReached, notFound, urlRefused } from './webhooks.exceptions.js';
import { generateWebhookSecret } from './webhook-signature.js';

interface EndpointRow {
  id: string;
  account_id: string;
  mode: ApiKeyMode;
  url: string;
  events: WebhookEventType[];
  secret_sealed: string;
  secret_prefix: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
}

/**
 * A tenant's webhook endpoints, each in one mode (a test key's endpoints get only test events).
 * Secrets are shown once, on creation and on rotation.
 */
@Injectable()
export class WebhooksService {
  readonly box: SecretBox;
  readonly targets: TargetPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
  ) {
    this.box = new SecretBox(config.secretKey());
    this.targets = new TargetPolicy(config.allowPrivateTargets());
  }

  async create(request: CreateWebhookEndpointRequest): Promise<WebhookEndpointView> {
    await this.checkTarget(request.url);
    const secret = generateWebhookSecret();
    const row = await this.dataSource.transaction(async (m) => {
      // Serialises creations per account and mode, so concurrent requests cannot pass the cap together.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_endpoints:' || $1 || ':' || $2))`, [request.account_id, request.mode]);
      const [{ count }] = (await m.query(`SELECT count(*)::int AS count FROM webhook_endpoints WHERE account_id = $1 AND mode = $2 AND deleted_at IS NULL`, [
        request.account_id, request.mode,
      ])) as [{ count: number }];
      if (count >= this.config.WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT) throw endpointLimitReached(this.config.WEBHOOK_MAX_ENDPOINTS_PER_ACCOUNT, request.mode);
      const [inserted] = await rows<EndpointRow>(
        m,
        `INSERT INTO webhook_endpoints (account_id, mode, url, events, secret_sealed, secret_prefix) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [request.account_id, request.mode, request.url, [...new Set(request.events)], this.box.seal(secret), secret.slice(0, 12)],
      );
      return inserted as EndpointRow;
    });
    return { ...toView(row), secret };
  }

  async list(accountId: string, mode: ApiKeyMode): Promise<WebhookEndpointView[]> {
    const found = await rows<EndpointRow>(this.dataSource, `SELECT * FROM webhook_endpoints WHERE account_id = $1 AND mode = $2 AND deleted_at IS NULL ORDER BY created_at`, [accountId, mode]);
    return found.map(toView);
  }

  /** Deleting stops its pending deliveries for good (cancelled), so nothing more is sent to the URL. */
  async remove(accountId: string, mode: ApiKeyMode, id: string): Promise<WebhookEndpointView> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await rows<EndpointRow>(
        m,
        `UPDATE webhook_endpoints SET deleted_at = now() WHERE id = $1 AND account_id = $2 AND mode = $3 AND deleted_at IS NULL RETURNING *`,
        [id, accountId, mode],
      );
      if (!row) throw notFound();
      await m.query(`UPDATE webhook_deliveries SET status = 'cancelled', lease_until = NULL WHERE endpoint_id = $1 AND status = 'pending'`, [id]);
      return toView(row);
    });
  }

  /** A new secret; the old one keeps signing (as a second signature) for `overlapSeconds`. */
  async rotate(accountId: string, mode: ApiKeyMode, id: string, overlapSeconds = 86_400): Promise<WebhookEndpointView> {
    const secret = generateWebhookSecret();
    const [row] = await rows<EndpointRow>(
      this.dataSource,
      `UPDATE webhook_endpoints
          SET previous_secret_sealed = secret_sealed, previous_secret_expires_at = now() + make_interval(secs => $3),
              secret_sealed = $4, secret_prefix = $5
        WHERE id = $1 AND account_id = $2 AND mode = $6 AND deleted_at IS NULL RETURNING *`,
      [id, accountId, overlapSeconds, this.box.seal(secret), secret.slice(0, 12), mode],
    );
    if (!row) throw notFound();
    return { ...toView(row), secret };
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await this.targets.check(url);
    } catch (error) {
      if (error instanceof TargetRefusedError) throw urlRefused(error.reason);
      throw error;
    }
  }
}

function toView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    mode: row.mode,
    events: row.events,
    secret_prefix: row.secret_prefix,
    previous_secret_expires_at: row.previous_secret_expires_at ? new Date(row.previous_secret_expires_at).toISOString() : null,
    created_at: new Date(row.created_at).toISOString(),
  };
}
