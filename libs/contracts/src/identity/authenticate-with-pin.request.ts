import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPhoneNumber } from '../validation/is-phone-number.js';

export class AuthenticateWithPinRequest {
  @IsPhoneNumber() phone: string;
  @IsString() @IsNotEmpty() @MaxLength(32) pin: string;
  /** An operator's current TOTP code: without it an operator's phone gets an ordinary user token. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'otp must be 6 digits' }) otp?: string;
}
