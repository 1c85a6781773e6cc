import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';

@InputType()
export class TopUpWalletInput {
  @Field({ description: 'Major units, e.g. "10.50"' }) @IsString() amount: string;
  @Field() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code, e.g. USD' }) currency: string;
}
