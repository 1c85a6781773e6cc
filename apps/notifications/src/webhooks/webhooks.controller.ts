import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateWebhookEndpointRequest,
  GetWebhookDeliveriesRequest,
  ListWebhookDeliveriesRequest,
  ListWebhookEndpointsRequest,
  PageWebhookDeliveriesRequest,
  ResendWebhookDeliveriesRequest,
  Rpc,
  WebhookEndpointRefRequest,
  type WebhookDeliveryPageView,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { GetDeliveriesCommand } from '../deliveries/use-cases/get-deliveries/get-deliveries.command.js';
import { GetDeliveriesUseCase } from '../deliveries/use-cases/get-deliveries/get-deliveries.use-case.js';
import { PageDeliveriesCommand } from '../deliveries/use-cases/page-deliveries/page-deliveries.command.js';
import { PageDeliveriesUseCase } from '../deliveries/use-cases/page-deliveries/page-deliveries.use-case.js';
import { WebhooksService } from './webhooks.service.js';

@Controller()
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: DeliveriesService,
    private readonly pageDeliveries: PageDeliveriesUseCase,
    private readonly getDeliveries: GetDeliveriesUseCase,
  ) {}

  @RpcHandler(Rpc.notifications.createEndpoint)
  create(@Payload() request: CreateWebhookEndpointRequest): Promise<WebhookEndpointView> {
    return this.webhooks.create(request);
  }

  @RpcHandler(Rpc.notifications.listEndpoints)
  list(@Payload() request: ListWebhookEndpointsRequest): Promise<WebhookEndpointView[]> {
    return this.webhooks.list(request.account_id, request.mode);
  }

  @RpcHandler(Rpc.notifications.deleteEndpoint)
  remove(@Payload() request: WebhookEndpointRefRequest): Promise<WebhookEndpointView> {
    return this.webhooks.remove(request.account_id, request.mode, request.id);
  }

  @RpcHandler(Rpc.notifications.rotateSecret)
  rotate(@Payload() request: WebhookEndpointRefRequest): Promise<WebhookEndpointView> {
    return this.webhooks.rotate(request.account_id, request.mode, request.id, request.overlap_seconds);
  }

  @RpcHandler(Rpc.notifications.listDeliveries)
  deliveriesOf(@Payload() request: ListWebhookDeliveriesRequest): Promise<WebhookDeliveryView[]> {
    return this.deliveries.list(request);
  }

  @RpcHandler(Rpc.notifications.pageDeliveries)
  deliveriesPage(@Payload() request: PageWebhookDeliveriesRequest): Promise<WebhookDeliveryPageView> {
    return this.pageDeliveries.execute(new PageDeliveriesCommand({ request }));
  }

  @RpcHandler(Rpc.notifications.getDeliveries)
  deliveriesById(@Payload() request: GetWebhookDeliveriesRequest): Promise<WebhookDeliveryView[]> {
    return this.getDeliveries.execute(new GetDeliveriesCommand({ request }));
  }

  @RpcHandler(Rpc.notifications.resend)
  resend(@Payload() request: ResendWebhookDeliveriesRequest): Promise<{ requeued: number }> {
    return this.deliveries.resend(request);
  }
}
