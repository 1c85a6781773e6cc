import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ResendWebhookDeliveriesRequest, WebhookEndpointRefRequest } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';
import { ConnectionType } from '../../graph/connection.js';
import { ModeEnum } from '../../graph/mode.js';
import { WebhookDeliveryModel, WebhookEndpointModel } from './webhook-endpoint.model.js';

export const WebhookEndpointConnection = ConnectionType(WebhookEndpointModel, 'WebhookEndpoint');
export const WebhookDeliveryConnection = ConnectionType(WebhookDeliveryModel, 'WebhookDelivery');

@ObjectType('WebhookEndpointSecretPayload')
export class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpointModel) webhookEndpoint: WebhookEndpointModel;
  @Field({ description: 'The signing secret: shown this once, store it now' }) secret: string;
}

@InputType()
export class RotateWebhookSecretInput extends CamelCaseType(WebhookEndpointRefRequest, ['overlap_seconds'] as const) {
  @Field(() => ID, { description: "The endpoint's global id" }) @IsString() @MaxLength(200) id: string;
  @Field(() => Int, { nullable: true, description: 'How long the old secret keeps signing beside the new one (default a day)' }) overlapSeconds?: number;
}

@InputType()
export class DeleteWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint's global id" }) @IsString() @MaxLength(200) id: string;
}

@ObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => WebhookEndpointModel) webhookEndpoint: WebhookEndpointModel;
}

@InputType()
export class ResendWebhookDeliveriesInput extends CamelCaseType(ResendWebhookDeliveriesRequest, ['failed_since'] as const) {
  @Field(() => ID, { nullable: true, description: "One delivery (its global id; its mode is the delivery's), or …" })
  @IsOptional() @IsString() @MaxLength(200) deliveryId?: string;
  @Field({ nullable: true, description: '… every dead one since this time (ISO 8601)' }) failedSince?: string;
  @Field(() => ModeEnum, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key uses its own' })
  @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}

@ObjectType('ResendWebhookDeliveriesPayload')
export class ResendWebhookDeliveriesPayload {
  @Field(() => Int, { description: 'How many deliveries were queued again' }) requeued: number;
}
