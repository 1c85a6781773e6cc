import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { WalletView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('Wallet', { implements: () => [NodeModel] })
export class WalletModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() currency: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field({ description: 'Minor units as a decimal string (bigint-safe), e.g. "1250" for 12.50' }) balanceMinor: string;
  @Field({ description: 'For display only, e.g. "12.50"' }) balance: string;
  @Field() updatedAt: string;

  static from(view: WalletView): WalletModel {
    return Object.assign(new WalletModel(), {
      id: toGlobalId('Wallet', view.mode, view.currency), currency: view.currency, mode: view.mode as ModeEnum,
      balanceMinor: view.balance_minor, balance: view.balance, updatedAt: view.updated_at,
    });
  }
}
