import { Field, ObjectType } from '@nestjs/graphql';
import { TopUpModel } from './top-up.model.js';
import { TransferModel } from './transfer.model.js';

@ObjectType('TopUpWalletPayload')
export class TopUpWalletPayload {
  @Field(() => TopUpModel, { description: 'Pay at its redirectUrl; the wallet is credited once Pesepay confirms' }) topUp: TopUpModel;
}

@ObjectType('CreditWalletPayload')
export class CreditWalletPayload {
  @Field(() => TransferModel) transfer: TransferModel;
}
