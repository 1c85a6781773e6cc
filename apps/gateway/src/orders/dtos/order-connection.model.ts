import { Field, ObjectType } from '@nestjs/graphql';
import type { OrderPageView } from '@airtime/contracts';
import { PageInfoModel } from '../../wallet/dtos/ledger-connection.model.js';
import { OrderModel } from './order.model.js';

@ObjectType('OrderEdge')
export class OrderEdgeModel {
  @Field() cursor: string;
  @Field(() => OrderModel) node: OrderModel;
}

@ObjectType('OrderConnection')
export class OrderConnectionModel {
  @Field(() => [OrderEdgeModel]) edges: OrderEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;

  static from(page: OrderPageView): OrderConnectionModel {
    return Object.assign(new OrderConnectionModel(), {
      edges: page.orders.map((order) => ({ cursor: order.id, node: OrderModel.from(order) })),
      pageInfo: { hasNextPage: page.next_cursor !== null, endCursor: page.next_cursor },
    });
  }
}
