import { ArgsType, Field } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ListLedgerRequest, ListTopUpsRequest, type TopUpStatus, type TransferKind } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';
import { ModeScoped, Paged } from '../../graph/connection.js';

/** ListLedgerRequest's filters, each optional; paging is the connection's own arguments. */
@ArgsType()
class LedgerFilter extends CamelCaseType(ListLedgerRequest, ['currency', 'kind', 'from', 'to', 'order_id'] as const) {
  @Field({ nullable: true }) currency?: string;
  @Field(() => String, { nullable: true, description: 'topup, debit, refund, adjustment …' }) kind?: TransferKind;
  @Field({ nullable: true, description: 'ISO 8601: at or after' }) from?: string;
  @Field({ nullable: true, description: 'ISO 8601: before' }) to?: string;
  @Field({ nullable: true, description: "An order's databaseId: the entries that paid for or refunded it" }) orderId?: string;
}

/** ListTopUpsRequest's filters, each optional. */
@ArgsType()
class TopUpsFilter extends PickType(ListTopUpsRequest, ['status', 'currency'] as const) {
  @Field(() => String, { nullable: true }) override status?: TopUpStatus;
  @Field({ nullable: true }) override currency?: string;
}

@ArgsType()
export class LedgerArgs extends ModeScoped(Paged(LedgerFilter)) {}

@ArgsType()
export class TopUpsArgs extends ModeScoped(Paged(TopUpsFilter)) {}
