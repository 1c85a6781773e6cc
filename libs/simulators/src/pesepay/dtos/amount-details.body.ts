import { IsNumber, IsPositive, Matches, Max } from 'class-validator';
import type { PesepayAmountDetails } from '@airtime/upstreams';

export class AmountDetailsBody implements PesepayAmountDetails {
  /** Major units as a JSON number (10.5 is $10.50), as Pesepay takes it. */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @IsPositive() @Max(1_000_000_000)
  amount: number;

  @Matches(/^[A-Z]{3}$/, { message: 'currencyCode must be an ISO 4217 code such as USD' })
  currencyCode: string;
}
