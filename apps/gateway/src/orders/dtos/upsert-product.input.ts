import { Field, InputType, Int } from '@nestjs/graphql';
import { type ProductKind, type UpstreamId, UpsertProductRequest } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';

/** UpsertProductRequest in GraphQL's camelCase, with its rules. */
@InputType()
export class UpsertProductInput extends CamelCaseType(UpsertProductRequest, [
  'id', 'name', 'country', 'network', 'kind', 'currency', 'min_minor', 'max_minor', 'denominations_minor', 'upstream', 'upstream_product', 'active',
] as const) {
  @Field(() => Int) id: number;
  @Field() name: string;
  @Field() country: string;
  @Field() network: string;
  @Field() kind: ProductKind;
  @Field() currency: string;
  @Field({ nullable: true, description: 'Minor units' }) minMinor?: string;
  @Field({ nullable: true, description: 'Minor units' }) maxMinor?: string;
  @Field(() => [String], { nullable: true, description: 'Minor units' }) denominationsMinor?: string[];
  @Field() upstream: UpstreamId;
  @Field({ nullable: true }) upstreamProduct?: string;
  @Field({ defaultValue: true }) active: boolean;
}
