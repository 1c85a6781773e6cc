import { Module } from '@nestjs/common';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, DeliveriesService, DeliveryDispatcher],
  exports: [WebhooksService, DeliveryDispatcher],
})
export class WebhooksModule {}
