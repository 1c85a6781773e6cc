import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApplyOutcomeRequest, CreateOrderRequest, ListAttentionOrdersRequest, GetOrderRequest, ListOrdersRequest, type OrderPageView, type OrderView, Subjects } from '@airtime/contracts';
import { OrdersService } from './orders.service.js';

@Controller()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @MessagePattern(Subjects.orders.create)
  create(@Payload() request: CreateOrderRequest): Promise<OrderView> {
    return this.orders.create(request);
  }

  @MessagePattern(Subjects.orders.get)
  get(@Payload() request: GetOrderRequest): Promise<OrderView> {
    return this.orders.get(request.account_id, request.mode, request.agent_reference, request.wait_ms ?? 0);
  }

  @MessagePattern(Subjects.orders.applyOutcome)
  applyOutcome(@Payload() request: ApplyOutcomeRequest): Promise<OrderView> {
    return this.orders.applyOutcome(request);
  }

  @MessagePattern(Subjects.orders.listAttention)
  attention(@Payload() request: ListAttentionOrdersRequest): Promise<OrderView[]> {
    return this.orders.needingAttention(request.limit);
  }

  @MessagePattern(Subjects.orders.list)
  list(@Payload() request: ListOrdersRequest): Promise<OrderPageView> {
    return this.orders.list(request);
  }
}
