import { Module } from '@nestjs/common';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { DeliveryStore } from '../deliveries/delivery-store.js';
import { GetDeliveriesUseCase } from '../deliveries/use-cases/get-deliveries/get-deliveries.use-case.js';
import { PageDeliveriesUseCase } from '../deliveries/use-cases/page-deliveries/page-deliveries.use-case.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, DeliveriesService, DeliveryDispatcher, DeliveryStore, PageDeliveriesUseCase, GetDeliveriesUseCase],
  exports: [WebhooksService, DeliveryDispatcher],
})
export class WebhooksModule {}
