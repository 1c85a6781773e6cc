import { Field, ObjectType } from '@nestjs/graphql';
import { AccountModel } from './account.model.js';

@ObjectType('CreateAccountPayload')
export class CreateAccountPayload {
  @Field(() => AccountModel, { description: "The new account; its first user's PIN goes out by SMS" }) account: AccountModel;
}

@ObjectType('AuthenticateWithPinPayload')
export class AuthenticateWithPinPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' }) token: string;
  @Field() expiresAt: string;
}

@ObjectType('ResetPinPayload')
export class ResetPinPayload {
  @Field({ description: 'True once the new PIN is on its way by SMS' }) sent: boolean;
}
