import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApplyOutcomeRequest, CreateOrderRequest, ListAttentionOrdersRequest, GetOrderRequest, GetOrdersRequest, ListOrdersRequest, type OrderPageView, type OrderView, Rpc } from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { ApplyOutcomeCommand } from './use-cases/apply-outcome/apply-outcome.command.js';
import { ApplyOutcomeUseCase } from './use-cases/apply-outcome/apply-outcome.use-case.js';
import { CreateOrderCommand } from './use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from './use-cases/create-order/create-order.use-case.js';
import { GetOrderCommand } from './use-cases/get-order/get-order.command.js';
import { GetOrderUseCase } from './use-cases/get-order/get-order.use-case.js';
import { GetOrdersCommand } from './use-cases/get-orders/get-orders.command.js';
import { GetOrdersUseCase } from './use-cases/get-orders/get-orders.use-case.js';
import { ListOrdersCommand } from './use-cases/list-orders/list-orders.command.js';
import { ListOrdersUseCase } from './use-cases/list-orders/list-orders.use-case.js';
import { ListOrdersNeedingAttentionCommand } from './use-cases/list-orders-needing-attention/list-orders-needing-attention.command.js';
import { ListOrdersNeedingAttentionUseCase } from './use-cases/list-orders-needing-attention/list-orders-needing-attention.use-case.js';

@Controller()
export class OrdersController {
  constructor(
    private readonly createOrder: CreateOrderUseCase,
    private readonly getOrder: GetOrderUseCase,
    private readonly getOrders: GetOrdersUseCase,
    private readonly listOrders: ListOrdersUseCase,
    private readonly listNeedingAttention: ListOrdersNeedingAttentionUseCase,
    private readonly applyOutcomeUseCase: ApplyOutcomeUseCase,
  ) {}

  @RpcHandler(Rpc.orders.create)
  create(@Payload() request: CreateOrderRequest): Promise<OrderView> {
    return this.createOrder.execute(new CreateOrderCommand({ request }));
  }

  @RpcHandler(Rpc.orders.get)
  get(@Payload() request: GetOrderRequest): Promise<OrderView> {
    return this.getOrder.execute(new GetOrderCommand({ accountId: request.account_id, mode: request.mode, agentReference: request.agent_reference, waitMs: request.wait_ms ?? 0 }));
  }

  @RpcHandler(Rpc.orders.getMany)
  getMany(@Payload() request: GetOrdersRequest): Promise<OrderView[]> {
    return this.getOrders.execute(new GetOrdersCommand({ accountId: request.account_id, mode: request.mode, ids: request.ids }));
  }

  @RpcHandler(Rpc.orders.applyOutcome)
  applyOutcome(@Payload() request: ApplyOutcomeRequest): Promise<OrderView> {
    return this.applyOutcomeUseCase.execute(new ApplyOutcomeCommand({ upstream: request.upstream, reference: request.reference, outcome: request.outcome }));
  }

  @RpcHandler(Rpc.orders.listAttention)
  attention(@Payload() request: ListAttentionOrdersRequest): Promise<OrderView[]> {
    return this.listNeedingAttention.execute(new ListOrdersNeedingAttentionCommand({ limit: request.limit ?? 100 }));
  }

  @RpcHandler(Rpc.orders.list)
  list(@Payload() request: ListOrdersRequest): Promise<OrderPageView> {
    return this.listOrders.execute(new ListOrdersCommand({ filter: request }));
  }
}
