import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ModeEnum } from '../../graph/mode.js';
import { IsEnum, IsOptional } from 'class-validator';
import { CreateWebhookEndpointRequest, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@airtime/contracts';

@InputType()
export class CreateWebhookEndpointInput extends PickType(CreateWebhookEndpointRequest, ['url', 'events'] as const) {
  @Field() override url: string;
  @Field(() => [String], { description: `Any of ${WEBHOOK_EVENT_TYPES.join(', ')}` }) override events: WebhookEventType[];
  @Field(() => ModeEnum, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}
