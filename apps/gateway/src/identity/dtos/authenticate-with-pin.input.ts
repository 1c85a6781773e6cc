import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPhoneNumber } from '@airtime/contracts';

@InputType()
export class AuthenticateWithPinInput {
  @Field() @IsPhoneNumber() phone: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(32) pin: string;
}
