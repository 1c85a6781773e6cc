import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '@airtime/contracts';

@InputType('ProductsFilterInput')
export class ProductsFilterInput {
  @Field({ nullable: true }) @IsOptional() @Matches(/^[A-Z]{2}$/) country?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20) network?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(PRODUCT_KINDS) kind?: ProductKind;
  @Field({ nullable: true }) @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
}
