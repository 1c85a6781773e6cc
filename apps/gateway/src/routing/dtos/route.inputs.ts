import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from '@nestjs/graphql';
import { type ApiKeyMode, type ProductKind, RouteEntryRequest, SetRouteRequest, SetUpstreamDrainedRequest, UPSTREAM_IDS, type UpstreamId } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';
import { ModeEnum } from '../../graph/mode.js';

/** RouteEntryRequest in GraphQL's camelCase, with its rules. */
@InputType()
export class RouteEntryInput extends CamelCaseType(RouteEntryRequest, ['upstream', 'priority', 'weight', 'cost_bps', 'cost_currency', 'test_mode'] as const) {
  @Field({ description: `One of ${UPSTREAM_IDS.join(', ')}` }) upstream: UpstreamId;
  @Field(() => Int, { description: 'Lower is tried first' }) priority: number;
  @Field(() => Int, { nullable: true, description: 'Among entries of equal priority and cost, the share of first attempts (default 1)' }) weight?: number;
  @Field(() => Int, { nullable: true, description: 'What we pay per unit of face value, in basis points (9800 = 98%); the cheapest of a priority goes first' }) costBps?: number;
  @Field({ nullable: true, description: 'The currency the upstream bills us in' }) costCurrency?: string;
  @Field({ description: 'Whether test-mode orders may go through this entry' }) testMode: boolean;
}

/** SetRouteRequest in camelCase; the actor is the operator making the change. */
@InputType()
export class SetRouteInput extends CamelCaseType(SetRouteRequest, ['country', 'network', 'kind'] as const) {
  @Field() country: string;
  @Field() network: string;
  @Field({ description: 'airtime, data, voucher or electricity' }) kind: ProductKind;
  @Field(() => [RouteEntryInput], { description: 'The whole list, replacing the previous one; empty removes the route' })
  @IsArray() @ArrayMaxSize(UPSTREAM_IDS.length) @ValidateNested({ each: true }) @Type(() => RouteEntryInput)
  entries: RouteEntryInput[];
}

@InputType()
export class DrainUpstreamInput extends CamelCaseType(SetUpstreamDrainedRequest, ['upstream', 'mode', 'drained', 'reason'] as const) {
  @Field() upstream: UpstreamId;
  @Field(() => ModeEnum, { nullable: true, description: 'Omitted: both modes' }) mode?: ApiKeyMode;
  @Field({ description: 'true: no new order goes to it; false: it takes orders again' }) drained: boolean;
  @Field({ nullable: true }) reason?: string;
}
