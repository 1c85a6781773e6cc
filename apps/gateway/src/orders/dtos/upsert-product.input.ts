import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { IsMinorUnits, PRODUCT_KINDS, type ProductKind, UPSTREAM_IDS, type UpstreamId } from '@airtime/contracts';

@InputType()
export class UpsertProductInput {
  @Field(() => Int) @IsInt() @Min(1) id: number;
  @Field() @IsString() @MinLength(3) @MaxLength(100) name: string;
  @Field() @Matches(/^[A-Z]{2}$/) country: string;
  @Field() @IsString() @MinLength(2) @MaxLength(20) network: string;
  @Field() @IsIn(PRODUCT_KINDS) kind: ProductKind;
  @Field() @Matches(/^[A-Z]{3}$/) currency: string;
  @Field({ nullable: true, description: 'Minor units' }) @IsOptional() @IsMinorUnits() minMinor?: string;
  @Field({ nullable: true, description: 'Minor units' }) @IsOptional() @IsMinorUnits() maxMinor?: string;
  @Field(() => [String], { nullable: true, description: 'Minor units' }) @IsOptional() @IsMinorUnits({ each: true }) denominationsMinor?: string[];
  @Field() @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) upstreamProduct?: string;
  @Field({ defaultValue: true }) @IsBoolean() active: boolean;
}
