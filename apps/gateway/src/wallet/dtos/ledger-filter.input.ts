import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, IsPageCursor, IsPageSize, ListLedgerRequest, MAX_LEDGER_PAGE, type TransferKind } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';

/** ListLedgerRequest's filters; its limit and cursor are the connection's `first` and `after`. */
@InputType()
export class LedgerFilterInput extends CamelCaseType(ListLedgerRequest, ['currency', 'kind', 'from', 'to', 'order_id'] as const) {
  @Field({ nullable: true }) currency?: string;
  @Field({ nullable: true }) kind?: TransferKind;
  @Field({ nullable: true }) from?: string;
  @Field({ nullable: true }) to?: string;
  @Field({ nullable: true }) orderId?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPageSize(MAX_LEDGER_PAGE) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsPageCursor() after?: string;
}
