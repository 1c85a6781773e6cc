import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode, TRANSFER_KINDS, type TransferKind } from '@airtime/contracts';

@InputType()
export class LedgerFilterInput {
  @Field({ nullable: true }) @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(TRANSFER_KINDS) kind?: TransferKind;
  @Field({ nullable: true }) @IsOptional() @IsISO8601() from?: string;
  @Field({ nullable: true }) @IsOptional() @IsISO8601() to?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) orderId?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(500) first?: number;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{1,19}$/) after?: string;
}
