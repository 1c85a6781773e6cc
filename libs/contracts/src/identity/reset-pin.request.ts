import { IsPhoneNumber } from '../validation/is-phone-number.js';

export class ResetPinRequest {
  @IsPhoneNumber() phone: string;
}
