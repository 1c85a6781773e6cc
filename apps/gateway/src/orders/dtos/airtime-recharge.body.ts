import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPhoneNumber } from '@airtime/contracts';

/** 000 §5: amount in minor units (cents), phone in international format, a unique reference. */
export class AirtimeRechargeBody {
  @IsPhoneNumber() phone: string;
  @IsInt({ message: 'amount must be an integer amount in the smallest currency unit' }) @Min(1) @Max(100_000_000_000) amount: number;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code, e.g. USD' }) currency: string;
  @IsString() @MinLength(1) @MaxLength(100) reference: string;
}
