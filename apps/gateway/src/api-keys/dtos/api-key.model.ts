import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ApiKeyView } from '@airtime/contracts';

export enum ApiKeyModeEnum {
  live = 'live',
  test = 'test',
}
registerEnumType(ApiKeyModeEnum, { name: 'ApiKeyMode', description: 'live spends real money; test routes to the simulators' });

@ObjectType('ApiKey')
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'The first characters of the key, to tell keys apart' }) prefix: string;
  @Field(() => ApiKeyModeEnum) mode: ApiKeyModeEnum;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) lastUsedAt: string | null;
  @Field(() => String, { nullable: true }) revokedAt: string | null;

  static from(view: ApiKeyView): ApiKeyModel {
    return Object.assign(new ApiKeyModel(), {
      id: view.id,
      name: view.name,
      prefix: view.prefix,
      mode: view.mode as ApiKeyModeEnum,
      createdAt: view.created_at,
      lastUsedAt: view.last_used_at,
      revokedAt: view.revoked_at,
    });
  }
}
