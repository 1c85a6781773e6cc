import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type CreateAccountRequest, IsPhoneNumber } from '@airtime/contracts';
import { MultilineText } from '@airtime/contracts';

/** 000's onboarding fields, in GraphQL's camelCase. */
@InputType()
export class CreateAccountInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(50) type: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(50) level: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) contactName: string;
  @Field() @IsEmail() @MaxLength(254) contactEmail: string;
  @Field() @IsPhoneNumber() contactPhone: string;
  @Field() @MultilineText() @IsString() @IsNotEmpty() @MaxLength(500) address: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) userFirstname: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) userLastname: string;
  @Field() @IsEmail() @MaxLength(254) userEmail: string;
  @Field() @IsPhoneNumber() userPhone: string;

  toRequest(): CreateAccountRequest {
    return {
      name: this.name,
      type: this.type,
      level: this.level,
      contact_name: this.contactName,
      contact_email: this.contactEmail,
      contact_phone: this.contactPhone,
      address: this.address,
      city: this.city,
      user_firstname: this.userFirstname,
      user_lastname: this.userLastname,
      user_email: this.userEmail,
      user_phone: this.userPhone,
    };
  }
}
