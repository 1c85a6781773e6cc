import { Field, ObjectType } from '@nestjs/graphql';
import type { TopUpView } from '@airtime/contracts';

@ObjectType('TopUp')
export class TopUpModel {
  @Field() reference: string;
  @Field() status: string;
  @Field() mode: string;
  @Field() currency: string;
  @Field() amountMinor: string;
  @Field() amount: string;
  @Field(() => String, { nullable: true, description: "Pesepay's payment page" }) redirectUrl: string | null;
  @Field() createdAt: string;
  @Field() expiresAt: string;
  @Field(() => String, { nullable: true }) completedAt: string | null;

  static from(view: TopUpView): TopUpModel {
    return Object.assign(new TopUpModel(), {
      reference: view.reference,
      status: view.status,
      mode: view.mode,
      currency: view.currency,
      amountMinor: view.amount_minor,
      amount: view.amount,
      redirectUrl: view.redirect_url,
      createdAt: view.created_at,
      expiresAt: view.expires_at,
      completedAt: view.completed_at,
    });
  }
}
