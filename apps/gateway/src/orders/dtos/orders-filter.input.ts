import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '@airtime/contracts';

@InputType()
export class OrdersFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20) network?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{6,15}$/) target?: string;
  @Field({ nullable: true }) @IsOptional() @IsISO8601() from?: string;
  @Field({ nullable: true }) @IsOptional() @IsISO8601() to?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{1,19}$/) after?: string;
}
