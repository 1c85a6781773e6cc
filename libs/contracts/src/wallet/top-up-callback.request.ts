import { IsString, MaxLength, MinLength } from 'class-validator';
import { MultilineText } from '../validation/text-policy.js';

/** A payment provider's result callback, passed on by the gateway untouched. */
export class TopUpCallbackRequest {
  /** Base64 as Pesepay sends it, which a mail-style encoder may wrap onto several lines. */
  @MultilineText() @IsString() @MinLength(1) @MaxLength(20_000) payload: string;
}
