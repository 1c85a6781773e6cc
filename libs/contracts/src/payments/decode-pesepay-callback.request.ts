import { IsString, MaxLength, MinLength } from 'class-validator';

/** The encrypted `payload` of a Pesepay result callback, as it arrived at the gateway. */
export class DecodePesepayCallbackRequest {
  @IsString() @MinLength(1) @MaxLength(20_000) payload: string;
}
