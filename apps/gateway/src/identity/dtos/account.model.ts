import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AccountView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('Account', { implements: () => [NodeModel] })
export class AccountModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() databaseId: string;
  @Field() name: string;
  @Field({ description: 'Account number, e.g. 9444-5339-1364' }) number: string;
  @Field() address: string;
  @Field() city: string;
  @Field() contactName: string;
  @Field() contactEmail: string;
  @Field({ description: 'International form, e.g. 263775265552' }) contactPhone: string;
  @Field() accountType: string;
  @Field() accountLevel: string;
  @Field() createdAt: string;

  static from(view: AccountView): AccountModel {
    return Object.assign(new AccountModel(), {
      id: toGlobalId('Account', view.id),
      databaseId: view.id,
      name: view.name,
      number: view.number,
      address: view.address,
      city: view.city,
      contactName: view.contact_name,
      contactEmail: view.contact_email,
      contactPhone: view.contact_phone,
      accountType: view.account_type,
      accountLevel: view.account_level,
      createdAt: view.created_at,
    });
  }
}
