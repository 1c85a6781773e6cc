import { Field, ObjectType } from '@nestjs/graphql';
import type { WalletView } from '@airtime/contracts';

@ObjectType('Wallet')
export class WalletModel {
  @Field() currency: string;
  @Field() mode: string;
  @Field({ description: 'Minor units as a decimal string (bigint-safe), e.g. "1250" for 12.50' }) balanceMinor: string;
  @Field({ description: 'For display only, e.g. "12.50"' }) balance: string;
  @Field() updatedAt: string;

  static from(view: WalletView): WalletModel {
    return Object.assign(new WalletModel(), { currency: view.currency, mode: view.mode, balanceMinor: view.balance_minor, balance: view.balance, updatedAt: view.updated_at });
  }
}
