import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AuthSession')
export class AuthSessionModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' }) token: string;
  @Field() expiresAt: string;
}
