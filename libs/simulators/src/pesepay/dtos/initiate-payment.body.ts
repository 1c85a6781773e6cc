import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, IsUrl, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { PesepayPaymentRequest } from '@airtime/upstreams';
import { AmountDetailsBody } from './amount-details.body.js';

/** The decrypted body of `POST /v1/payments/initiate`. Fields Pesepay also takes are let through. */
export class InitiatePaymentBody implements PesepayPaymentRequest {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AmountDetailsBody)
  amountDetails: AmountDetailsBody;

  @IsString() @MinLength(1) @MaxLength(500)
  reasonForPayment: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  resultUrl: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  returnUrl: string;

  @IsString() @MinLength(1) @MaxLength(100)
  merchantReference: string;
}
