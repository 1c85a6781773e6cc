import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPhoneNumber } from '../validation/is-phone-number.js';

export class AuthenticateWithPinRequest {
  @IsPhoneNumber() phone: string;
  @IsString() @IsNotEmpty() @MaxLength(32) pin: string;
}
