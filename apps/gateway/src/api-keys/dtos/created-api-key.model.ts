import { Field, ObjectType } from '@nestjs/graphql';
import type { CreatedApiKeyView } from '@airtime/contracts';
import { ApiKeyModel } from './api-key.model.js';

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
  @Field({ description: 'The full key. Shown once: store it now.' }) key: string;

  static from(view: CreatedApiKeyView): CreatedApiKeyModel {
    return Object.assign(new CreatedApiKeyModel(), { apiKey: ApiKeyModel.from(view), key: view.key });
  }
}
