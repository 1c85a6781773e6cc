import { IsPhoneNumber } from '../validation/is-phone-number.js';

export class ResetPinRequest {
  @IsPhoneNumber() phone: string;
}

/** Identity's answer: the PIN was reset (a new one goes by SMS), or the phone is unknown and nothing says so. */
export interface PinResetView {
  reset: true;
}
