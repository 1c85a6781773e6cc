import { Field, InputType } from '@nestjs/graphql';
import { ArrayMinSize, IsArray, IsIn, IsUrl, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@airtime/contracts';

@InputType()
export class CreateWebhookEndpointInput {
  @Field() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
  @Field(() => [String], { description: `Any of ${WEBHOOK_EVENT_TYPES.join(', ')}` }) @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
}
