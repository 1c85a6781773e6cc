import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKeyMode, LedgerEntryView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

/** A wallet's side of a transfer. */
@ObjectType('LedgerEntry', { implements: () => [NodeModel] })
export class LedgerEntryModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() databaseId: string;
  @Field(() => ID) transferId: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field() kind: string;
  @Field() currency: string;
  @Field({ description: 'Signed minor units: negative takes money out' }) amountMinor: string;
  @Field() balanceAfterMinor: string;
  @Field(() => String, { nullable: true, description: 'The order it paid for or refunded, as REST and webhooks name it (see `order`)' }) orderId: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() createdAt: string;

  static from(view: LedgerEntryView, mode: ApiKeyMode): LedgerEntryModel {
    return Object.assign(new LedgerEntryModel(), {
      id: toGlobalId('LedgerEntry', mode, view.id),
      databaseId: view.id,
      transferId: view.transfer_id,
      mode: mode as ModeEnum,
      kind: view.kind,
      currency: view.currency,
      amountMinor: view.amount_minor,
      balanceAfterMinor: view.balance_after_minor,
      orderId: view.order_id,
      description: view.description,
      createdAt: view.created_at,
    });
  }
}
