import { ArgsType, Field } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { PageWebhookDeliveriesRequest, type WebhookDeliveryStatus } from '@airtime/contracts';

@ArgsType()
export class DeliveriesFilterArgs extends PickType(PageWebhookDeliveriesRequest, ['status'] as const) {
  @Field({ nullable: true, description: 'pending, delivered, dead or cancelled' }) override status?: WebhookDeliveryStatus;
}
