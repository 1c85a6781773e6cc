import { Matches, type ValidationOptions } from 'class-validator';

/** An MSISDN in international digits without the plus (263772123456): what an SMS is sent to. */
export function IsMsisdn(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^\d{8,15}$/, { message: '$property must be an MSISDN in international digits', ...options });
}

/** What a recharge goes to, normalised: an MSISDN in international digits, or a meter number. */
export function IsRechargeTarget(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^\d{6,15}$/, { message: '$property must be digits in international form', ...options });
}
