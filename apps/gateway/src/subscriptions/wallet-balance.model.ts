import { Field, ObjectType } from '@nestjs/graphql';
import { formatMinor } from '@airtime/money';
import type { WalletUpdate } from './order-events.feed.js';

@ObjectType('WalletBalance')
export class WalletBalanceModel {
  @Field() currency: string;
  @Field() mode: string;
  @Field() balanceMinor: string;
  @Field() balance: string;
  @Field({ description: 'What moved it, signed minor units' }) amountMinor: string;
  @Field() kind: string;

  static from(update: WalletUpdate): WalletBalanceModel {
    return Object.assign(new WalletBalanceModel(), {
      currency: update.change.currency,
      mode: update.mode,
      balanceMinor: update.change.balance_minor,
      balance: formatMinor(BigInt(update.change.balance_minor), update.change.currency),
      amountMinor: update.change.amount_minor,
      kind: update.change.kind,
    });
  }
}
