import { IsString, MaxLength, MinLength } from 'class-validator';

/** A payment provider's result callback, passed on by the gateway untouched. */
export class TopUpCallbackRequest {
  @IsString() @MinLength(1) @MaxLength(20_000) payload: string;
}
