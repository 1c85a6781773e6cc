import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LedgerEntryView } from '@airtime/contracts';

@ObjectType('LedgerEntry')
export class LedgerEntryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) transferId: string;
  @Field() kind: string;
  @Field() currency: string;
  @Field({ description: 'Signed minor units: negative takes money out' }) amountMinor: string;
  @Field() balanceAfterMinor: string;
  @Field(() => String, { nullable: true }) orderId: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() createdAt: string;

  static from(view: LedgerEntryView): LedgerEntryModel {
    return Object.assign(new LedgerEntryModel(), {
      id: view.id,
      transferId: view.transfer_id,
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
