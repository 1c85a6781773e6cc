import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AccountView } from '@airtime/contracts';

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID) id: string;
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
      id: view.id,
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
