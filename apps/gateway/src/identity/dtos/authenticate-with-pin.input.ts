import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { AuthenticateWithPinRequest } from '@airtime/contracts';

@InputType()
export class AuthenticateWithPinInput extends PickType(AuthenticateWithPinRequest, ['phone', 'pin', 'otp'] as const) {
  @Field() override phone: string;
  @Field() override pin: string;
  @Field({ nullable: true, description: "An operator's current TOTP code; without it an operator gets an ordinary user's token." })
  override otp?: string;
}
