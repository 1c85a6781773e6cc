import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { WebhookDeliveryView, WebhookEndpointView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('WebhookEndpoint', { implements: () => [NodeModel] })
export class WebhookEndpointModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() databaseId: string;
  @Field() url: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field(() => [String]) events: string[];
  @Field() secretPrefix: string;
  @Field(() => String, { nullable: true }) previousSecretExpiresAt: string | null;
  @Field() createdAt: string;

  static from(v: WebhookEndpointView): WebhookEndpointModel {
    return Object.assign(new WebhookEndpointModel(), {
      id: toGlobalId('WebhookEndpoint', v.mode, v.id), databaseId: v.id, url: v.url, mode: v.mode as ModeEnum, events: v.events, secretPrefix: v.secret_prefix,
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

@ObjectType('WebhookDelivery', { implements: () => [NodeModel] })
export class WebhookDeliveryModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field({ description: "The delivery's id in REST answers" }) databaseId: string;
  @Field(() => ID) eventId: string;
  @Field() eventType: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field() status: string;
  /** Followed by WebhookDelivery.endpoint. */
  endpointId: string;
  @Field(() => [WebhookAttemptModel]) attempts: WebhookAttemptModel[];
  @Field(() => String, { nullable: true }) nextAttemptAt: string | null;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) deliveredAt: string | null;

  static from(v: WebhookDeliveryView): WebhookDeliveryModel {
    return Object.assign(new WebhookDeliveryModel(), {
      id: toGlobalId('WebhookDelivery', v.mode, v.id), databaseId: v.id, endpointId: v.endpoint_id, eventId: v.event_id, eventType: v.event_type, mode: v.mode as ModeEnum, status: v.status,
      attempts: v.attempts.map((a) => ({ attempt: a.attempt, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms, at: a.at })),
      nextAttemptAt: v.next_attempt_at, createdAt: v.created_at, deliveredAt: v.delivered_at,
    });
  }
}
