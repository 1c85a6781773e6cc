import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { IsCurrencyCode } from '@airtime/contracts';

@InputType()
export class TopUpWalletInput {
  @Field({ description: 'Major units, e.g. "10.50"' }) @IsString() amount: string;
  @Field() @IsCurrencyCode() currency: string;
}
