import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Principal } from '../auth/principal.js';
import { ModeEnum } from './mode.js';

export enum ViewerKindEnum {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKindEnum, { name: 'ViewerKind', description: 'A logged-in person, or an integration calling with an API key' });

/** The caller: where a screen starts (viewer → account → wallets, orders, keys …). */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => ViewerKindEnum) kind: ViewerKindEnum;
  @Field(() => ModeEnum, { nullable: true, description: "An API key's mode; null for a user, who sees both (live unless a field is asked for test)" })
  mode: ModeEnum | null;
  principal: Principal;

  static of(principal: Principal): ViewerModel {
    return Object.assign(new ViewerModel(), {
      kind: principal.kind === 'user' ? ViewerKindEnum.USER : ViewerKindEnum.API_KEY,
      mode: principal.kind === 'api-key' ? (principal.mode as ModeEnum) : null,
      principal,
    });
  }
}
