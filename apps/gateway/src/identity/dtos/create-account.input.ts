import { Field, InputType } from '@nestjs/graphql';
import { CreateAccountRequest } from '@airtime/contracts';
import { CamelCaseType, snakeCased } from '../../contracts/camel-case-type.js';

const FIELDS = [
  'name', 'type', 'level', 'contact_name', 'contact_email', 'contact_phone', 'address', 'city',
  'user_firstname', 'user_lastname', 'user_email', 'user_phone',
] as const satisfies readonly (keyof CreateAccountRequest)[];

/** 000's onboarding fields, in GraphQL's camelCase, with CreateAccountRequest's rules. */
@InputType()
export class CreateAccountInput extends CamelCaseType(CreateAccountRequest, FIELDS) {
  @Field() name: string;
  @Field() type: string;
  @Field() level: string;
  @Field() contactName: string;
  @Field() contactEmail: string;
  @Field() contactPhone: string;
  @Field() address: string;
  @Field() city: string;
  @Field() userFirstname: string;
  @Field() userLastname: string;
  @Field() userEmail: string;
  @Field() userPhone: string;

  toRequest(): CreateAccountRequest {
    return snakeCased(this, ['name', 'type', 'level', 'contactName', 'contactEmail', 'contactPhone', 'address', 'city', 'userFirstname', 'userLastname', 'userEmail', 'userPhone']);
  }
}
