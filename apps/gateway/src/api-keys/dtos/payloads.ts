import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { ApiKeyModel } from './api-key.model.js';

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
  @Field({ description: 'The full key. Shown once: store it now.' }) key: string;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID, { description: "The key's global id" }) @IsString() @MaxLength(200) id: string;
}

@ObjectType('RevokeApiKeyPayload')
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
}
