import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, IsMinorUnits } from '@airtime/contracts';
import { MultilineText } from '@airtime/contracts';

/** An operator's adjustment: minor units, a reason, and a key so that a retried click credits once. */
@InputType()
export class CreditWalletInput {
  @Field(() => ID) @IsUUID() accountId: string;
  @Field() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency: string;
  @Field() @IsMinorUnits() amountMinor: string;
  @Field() @MultilineText() @IsString() @MinLength(3) @MaxLength(500) reason: string;
  @Field() @IsString() @MinLength(8) @MaxLength(200) idempotencyKey: string;
  @Field({ defaultValue: 'live' }) @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}
