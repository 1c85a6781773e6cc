import { Field, InputType } from '@nestjs/graphql';
import { PickType } from '@nestjs/mapped-types';
import { ResetPinRequest } from '@airtime/contracts';

@InputType()
export class ResetPinInput extends PickType(ResetPinRequest, ['phone'] as const) {
  @Field() override phone: string;
}
