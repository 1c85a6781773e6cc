import { IsNotEmpty } from 'class-validator';
import { IsCurrencyCode } from '@airtime/contracts';

/** 001's top-up: the amount in major units (10 or "10.50"), as a payer thinks of it. */
export class TopUpBody {
  @IsNotEmpty() amount: number | string;
  @IsCurrencyCode() currency: string;
}
