import { IsNotEmpty, Matches } from 'class-validator';

/** 001's top-up: the amount in major units (10 or "10.50"), as a payer thinks of it. */
export class TopUpBody {
  @IsNotEmpty() amount: number | string;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code, e.g. USD' }) currency: string;
}
