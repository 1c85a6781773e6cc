import { IsString, MaxLength, MinLength } from 'class-validator';
import { MultilineText } from '../validation/text-policy.js';

/** The encrypted `payload` of a Pesepay result callback, as it arrived at the gateway. */
export class DecodePesepayCallbackRequest {
  /** Base64 as Pesepay sends it, which a mail-style encoder may wrap onto several lines. */
  @MultilineText() @IsString() @MinLength(1) @MaxLength(20_000) payload: string;
}
