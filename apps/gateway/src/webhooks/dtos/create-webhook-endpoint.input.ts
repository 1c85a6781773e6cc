import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { IsIn, IsOptional } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, CreateWebhookEndpointRequest, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@airtime/contracts';

@InputType()
export class CreateWebhookEndpointInput extends PickType(CreateWebhookEndpointRequest, ['url', 'events'] as const) {
  @Field() override url: string;
  @Field(() => [String], { description: `Any of ${WEBHOOK_EVENT_TYPES.join(', ')}` }) override events: WebhookEventType[];
  @Field(() => String, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
