import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TransferView } from '@airtime/contracts';

@ObjectType('Transfer')
export class TransferModel {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field(() => ID) accountId: string;
  @Field() currency: string;
  @Field() amountMinor: string;
  @Field() balanceAfterMinor: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) actor: string | null;
  @Field() createdAt: string;

  static from(view: TransferView): TransferModel {
    return Object.assign(new TransferModel(), {
      id: view.id,
      kind: view.kind,
      accountId: view.account_id,
      currency: view.currency,
      amountMinor: view.amount_minor,
      balanceAfterMinor: view.balance_after_minor,
      reason: view.reason,
      actor: view.actor,
      createdAt: view.created_at,
    });
  }
}
