import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPhoneNumber } from '@airtime/contracts';

@InputType()
export class AuthenticateWithPinInput {
  @Field() @IsPhoneNumber() phone: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(32) pin: string;
  @Field({ nullable: true, description: "An operator's current TOTP code; without it an operator gets an ordinary user's token." })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'otp must be 6 digits' })
  otp?: string;
}
