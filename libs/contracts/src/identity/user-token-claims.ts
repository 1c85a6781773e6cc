/** The claims identity signs into a user's JWT and the gateway trusts after verifying it. */
export interface UserTokenClaims {
  sub: string;
  acc: string;
  /** Present and true for platform operators only. */
  op?: true;
}

export const USER_TOKEN_ISSUER = 'airtime-identity';
export const USER_TOKEN_AUDIENCE = 'airtime-gateway';
export const USER_TOKEN_ALGORITHM = 'HS256';
