import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserView } from '@airtime/contracts';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field({ description: 'E.164, e.g. +263771234567' }) phone: string;
  @Field(() => ID) accountId: string;
  @Field() firstName: string;
  @Field() lastName: string;

  static from(view: UserView): UserModel {
    return Object.assign(new UserModel(), {
      id: view.id,
      email: view.email,
      phone: view.phone,
      accountId: view.account_id,
      firstName: view.first_name,
      lastName: view.last_name,
    });
  }
}
