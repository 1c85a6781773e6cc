import { Field, InputType, Int } from '@nestjs/graphql';
import { CreateOrderRequest } from '@airtime/contracts';
import { IsEnum, IsOptional } from 'class-validator';
import { CamelCaseType } from '../../contracts/camel-case-type.js';
import { ModeEnum } from '../../graph/mode.js';

/** CreateOrderRequest in GraphQL's camelCase, less the account the caller decides;
 * mode follows the graph's rule (a key's own, a user's choice, default live). */
@InputType()
export class SendRechargeInput extends CamelCaseType(CreateOrderRequest, ['product_id', 'target', 'amount', 'agent_reference', 'custom_sms'] as const) {
  @Field(() => Int) productId: number;
  @Field() target: string;
  @Field({ description: 'Major units, e.g. "5" or "5.50"' }) amount: string;
  @Field() agentReference: string;
  @Field({ nullable: true }) customSms?: string;
  @Field(() => ModeEnum, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}
