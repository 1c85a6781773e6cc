import { IsBoolean, IsInt, IsUUID, Min } from 'class-validator';

/** A verified JWT's claims, for identity to confirm the session still stands (PIN unchanged, roles now). */
export class VerifySessionRequest {
  @IsUUID() user_id: string;
  @IsUUID() account_id: string;
  @IsInt() @Min(0) pin_version: number;
  /** Whether the token was issued as an operator's (PIN and second factor). */
  @IsBoolean() operator: boolean;
}

export interface SessionView {
  /** True only while the token was an operator's and the phone is still in OPERATOR_PHONES. */
  operator: boolean;
}
