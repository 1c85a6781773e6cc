/** The claims identity signs into a user's JWT and the gateway trusts after verifying it. */
export interface UserTokenClaims {
  sub: string;
  acc: string;
  /** Present and true for platform operators only. */
  op?: true;
  /** The user's PIN version (pin_changed_at in ms) when signed: a later PIN change ends the session. */
  pv?: number;
}

export const USER_TOKEN_ISSUER = 'airtime-identity';
export const USER_TOKEN_AUDIENCE = 'airtime-gateway';
export const USER_TOKEN_ALGORITHM = 'HS256';
