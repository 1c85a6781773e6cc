import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('User', { implements: () => [NodeModel] })
export class UserModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field() databaseId: string;
  @Field() email: string;
  @Field({ description: 'E.164, e.g. +263771234567' }) phone: string;
  @Field() firstName: string;
  @Field() lastName: string;

  static from(view: UserView): UserModel {
    return Object.assign(new UserModel(), {
      id: toGlobalId('User', view.id),
      databaseId: view.id,
      email: view.email,
      phone: view.phone,
      firstName: view.first_name,
      lastName: view.last_name,
    });
  }
}
