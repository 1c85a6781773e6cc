import { ArgsType, Field } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ModeScoped, Paged } from '../../graph/connection.js';
import { PageWebhookDeliveriesRequest, type WebhookDeliveryStatus } from '@airtime/contracts';

@ArgsType()
class DeliveriesFilter extends PickType(PageWebhookDeliveriesRequest, ['status'] as const) {
  @Field(() => String, { nullable: true, description: 'pending, delivered, dead or cancelled' }) override status?: WebhookDeliveryStatus;
}

@ArgsType()
export class DeliveriesArgs extends Paged(DeliveriesFilter) {}

@ArgsType()
export class AccountDeliveriesArgs extends ModeScoped(DeliveriesArgs) {}
