import { Field, InputType } from '@nestjs/graphql';
import { IsPhoneNumber } from '@airtime/contracts';

@InputType()
export class ResetPinInput {
  @Field() @IsPhoneNumber() phone: string;
}
