import { Field, InputType, Int } from '@nestjs/graphql';
import { CreateOrderRequest } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';

/** CreateOrderRequest in GraphQL's camelCase, less what the caller's key decides (account, mode). */
@InputType()
export class SendRechargeInput extends CamelCaseType(CreateOrderRequest, ['product_id', 'target', 'amount', 'agent_reference', 'custom_sms'] as const) {
  @Field(() => Int) productId: number;
  @Field() target: string;
  @Field({ description: 'Major units, e.g. "5" or "5.50"' }) amount: string;
  @Field() agentReference: string;
  @Field({ nullable: true }) customSms?: string;
}
