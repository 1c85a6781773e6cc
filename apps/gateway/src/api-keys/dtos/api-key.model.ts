import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKeyView } from '@airtime/contracts';
import { toGlobalId } from '../../graph/global-id.js';
import { ModeEnum } from '../../graph/mode.js';
import { NodeModel } from '../../graph/node.model.js';

@ObjectType('ApiKey', { implements: () => [NodeModel] })
export class ApiKeyModel implements NodeModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The key\'s id in REST answers' }) databaseId: string;
  @Field() name: string;
  @Field({ description: 'The first characters of the key, to tell keys apart' }) prefix: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) lastUsedAt: string | null;
  @Field(() => String, { nullable: true }) revokedAt: string | null;

  static from(view: ApiKeyView): ApiKeyModel {
    return Object.assign(new ApiKeyModel(), {
      id: toGlobalId('ApiKey', view.id),
      databaseId: view.id,
      name: view.name,
      prefix: view.prefix,
      mode: view.mode as ModeEnum,
      createdAt: view.created_at,
      lastUsedAt: view.last_used_at,
      revokedAt: view.revoked_at,
    });
  }
}
