import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, CreditWalletRequest, MultilineText } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';

/**
 * An operator's adjustment: minor units, a reason, and a key so that a retried click credits once.
 * The reason is required here (the contract requires it of adjustments only), and the key is longer
 * since the gateway prefixes it.
 */
@InputType()
export class CreditWalletInput extends CamelCaseType(CreditWalletRequest, ['account_id', 'currency', 'amount_minor'] as const) {
  @Field(() => ID) accountId: string;
  @Field() currency: string;
  @Field() amountMinor: string;
  @Field() @MultilineText() @IsString() @MinLength(3) @MaxLength(500) reason: string;
  @Field() @IsString() @MinLength(8) @MaxLength(200) idempotencyKey: string;
  @Field({ defaultValue: 'live' }) @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}
