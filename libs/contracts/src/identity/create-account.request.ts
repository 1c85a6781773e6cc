import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPhoneNumber } from '../validation/is-phone-number.js';
import { MultilineText } from '../validation/text-policy.js';

/** 000's onboarding body, field for field: every field is required. */
export class CreateAccountRequest {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsString() @IsNotEmpty() @MaxLength(50) type: string;
  @IsString() @IsNotEmpty() @MaxLength(50) level: string;
  @IsString() @IsNotEmpty() @MaxLength(200) contact_name: string;
  @IsEmail() @MaxLength(254) contact_email: string;
  @IsPhoneNumber() contact_phone: string;
  @MultilineText() @IsString() @IsNotEmpty() @MaxLength(500) address: string;
  @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @IsString() @IsNotEmpty() @MaxLength(100) user_firstname: string;
  @IsString() @IsNotEmpty() @MaxLength(100) user_lastname: string;
  @IsEmail() @MaxLength(254) user_email: string;
  @IsPhoneNumber() user_phone: string;
}
