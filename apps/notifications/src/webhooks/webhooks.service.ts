import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateWebhookEndpointRequest, WebhookEndpointView, WebhookEventType } from '@airtime/contracts';
import { PlatformError, rows } from '@airtime/platform';
import { NotificationsConfig } from '../config/notifications.config.js';
import { SecretBox } from './secret-box.js';
import { isPrivateHost } from './target-policy.js';
import { generateWebhookSecret } from './webhook-signature.js';

interface EndpointRow {
  id: string;
  account_id: string;
  url: string;
  events: WebhookEventType[];
  secret_sealed: string;
  secret_prefix: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
}

/** A tenant's webhook endpoints. Secrets are shown once, on creation and on rotation. */
@Injectable()
export class WebhooksService {
  readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
  ) {
    this.box = new SecretBox(config.secretKey());
  }

  async create(request: CreateWebhookEndpointRequest): Promise<WebhookEndpointView> {
    this.checkTarget(request.url);
    const secret = generateWebhookSecret();
    const [row] = await rows<EndpointRow>(
      this.dataSource,
      `INSERT INTO webhook_endpoints (account_id, url, events, secret_sealed, secret_prefix) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [request.account_id, request.url, [...new Set(request.events)], this.box.seal(secret), secret.slice(0, 12)],
    );
    return { ...toView(row as EndpointRow), secret };
  }

  async list(accountId: string): Promise<WebhookEndpointView[]> {
    const found = await rows<EndpointRow>(this.dataSource, `SELECT * FROM webhook_endpoints WHERE account_id = $1 AND deleted_at IS NULL ORDER BY created_at`, [accountId]);
    return found.map(toView);
  }

  async remove(accountId: string, id: string): Promise<WebhookEndpointView> {
    const [row] = await rows<EndpointRow>(
      this.dataSource,
      `UPDATE webhook_endpoints SET deleted_at = now() WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL RETURNING *`,
      [id, accountId],
    );
    if (!row) throw notFound();
    return toView(row);
  }

  /** A new secret; the old one keeps signing (as a second signature) for `overlapSeconds`. */
  async rotate(accountId: string, id: string, overlapSeconds = 86_400): Promise<WebhookEndpointView> {
    const secret = generateWebhookSecret();
    const [row] = await rows<EndpointRow>(
      this.dataSource,
      `UPDATE webhook_endpoints
          SET previous_secret_sealed = secret_sealed, previous_secret_expires_at = now() + make_interval(secs => $3),
              secret_sealed = $4, secret_prefix = $5
        WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL RETURNING *`,
      [id, accountId, overlapSeconds, this.box.seal(secret), secret.slice(0, 12)],
    );
    if (!row) throw notFound();
    return { ...toView(row), secret };
  }

  checkTarget(url: string): void {
    if (this.config.allowPrivateTargets()) return;
    if (isPrivateHost(new URL(url).hostname)) {
      throw new PlatformError('WEBHOOK_URL_REFUSED', 'Webhook receivers on private or loopback addresses are not allowed', {
        fields: { url: ['url must be reachable on the public internet'] },
      });
    }
  }
}

const notFound = () => new PlatformError('WEBHOOK_NOT_FOUND', 'Webhook endpoint not found');

function toView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    secret_prefix: row.secret_prefix,
    previous_secret_expires_at: row.previous_secret_expires_at ? new Date(row.previous_secret_expires_at).toISOString() : null,
    created_at: new Date(row.created_at).toISOString(),
  };
}
