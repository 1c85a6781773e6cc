import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateWebhookEndpointRequest,
  ListWebhookDeliveriesRequest,
  ListWebhookEndpointsRequest,
  ResendWebhookDeliveriesRequest,
  Subjects,
  WebhookEndpointRefRequest,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from '@airtime/contracts';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { WebhooksService } from './webhooks.service.js';

@Controller()
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @MessagePattern(Subjects.notifications.createEndpoint)
  create(@Payload() request: CreateWebhookEndpointRequest): Promise<WebhookEndpointView> {
    return this.webhooks.create(request);
  }

  @MessagePattern(Subjects.notifications.listEndpoints)
  list(@Payload() request: ListWebhookEndpointsRequest): Promise<WebhookEndpointView[]> {
    return this.webhooks.list(request.account_id, request.mode);
  }

  @MessagePattern(Subjects.notifications.deleteEndpoint)
  remove(@Payload() request: WebhookEndpointRefRequest): Promise<WebhookEndpointView> {
    return this.webhooks.remove(request.account_id, request.mode, request.id);
  }

  @MessagePattern(Subjects.notifications.rotateSecret)
  rotate(@Payload() request: WebhookEndpointRefRequest): Promise<WebhookEndpointView> {
    return this.webhooks.rotate(request.account_id, request.mode, request.id, request.overlap_seconds);
  }

  @MessagePattern(Subjects.notifications.listDeliveries)
  deliveriesOf(@Payload() request: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryView[]> {
    return this.deliveries.list(request);
  }

  @MessagePattern(Subjects.notifications.resend)
  resend(@Payload() request: ResendWebhookDeliveriesRequest): Promise<{ requeued: number }> {
    return this.deliveries.resend(request);
  }
}
