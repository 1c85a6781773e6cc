import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { WebhookDeliveryView, WebhookEndpointView } from '@airtime/contracts';

@ObjectType('WebhookEndpoint')
export class WebhookEndpointModel {
  @Field(() => ID) id: string;
  @Field() url: string;
  @Field() mode: string;
  @Field(() => [String]) events: string[];
  @Field(() => String, { nullable: true, description: 'Only when created or rotated: store it, it is not shown again' }) secret: string | null;
  @Field() secretPrefix: string;
  @Field(() => String, { nullable: true }) previousSecretExpiresAt: string | null;
  @Field() createdAt: string;

  static from(v: WebhookEndpointView): WebhookEndpointModel {
    return Object.assign(new WebhookEndpointModel(), {
      id: v.id, url: v.url, mode: v.mode, events: v.events, secret: v.secret ?? null, secretPrefix: v.secret_prefix,
      previousSecretExpiresAt: v.previous_secret_expires_at, createdAt: v.created_at,
    });
  }
}

@ObjectType('WebhookAttempt')
export class WebhookAttemptModel {
  @Field(() => Int) attempt: number;
  @Field(() => Int, { nullable: true }) statusCode: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int) durationMs: number;
  @Field() at: string;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) endpointId: string;
  @Field(() => ID) eventId: string;
  @Field() eventType: string;
  @Field() mode: string;
  @Field() status: string;
  @Field(() => [WebhookAttemptModel]) attempts: WebhookAttemptModel[];
  @Field(() => String, { nullable: true }) nextAttemptAt: string | null;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) deliveredAt: string | null;

  static from(v: WebhookDeliveryView): WebhookDeliveryModel {
    return Object.assign(new WebhookDeliveryModel(), {
      id: v.id, endpointId: v.endpoint_id, eventId: v.event_id, eventType: v.event_type, mode: v.mode, status: v.status,
      attempts: v.attempts.map((a) => ({ attempt: a.attempt, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms, at: a.at })),
      nextAttemptAt: v.next_attempt_at, createdAt: v.created_at, deliveredAt: v.delivered_at,
    });
  }
}
