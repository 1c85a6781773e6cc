import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TopUpView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('TopUp', { implements: () => [NodeModel] })
export class TopUpModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field() status: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field() currency: string;
  @Field() amountMinor: string;
  @Field() amount: string;
  @Field(() => String, { nullable: true, description: "Pesepay's payment page" }) redirectUrl: string | null;
  @Field() createdAt: string;
  @Field() expiresAt: string;
  @Field(() => String, { nullable: true }) completedAt: string | null;

  static from(view: TopUpView): TopUpModel {
    return Object.assign(new TopUpModel(), {
      id: toGlobalId('TopUp', view.mode, view.reference),
      reference: view.reference,
      status: view.status,
      mode: view.mode as ModeEnum,
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
