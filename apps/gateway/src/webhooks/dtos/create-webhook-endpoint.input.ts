import { Field, InputType } from '@nestjs/graphql';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@airtime/contracts';

@InputType()
export class CreateWebhookEndpointInput {
  @Field() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
  @Field(() => [String], { description: `Any of ${WEBHOOK_EVENT_TYPES.join(', ')}` }) @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
  @Field(() => String, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
}
