import jwt, { type Algorithm } from 'jsonwebtoken';
import { USER_TOKEN_ALGORITHM, USER_TOKEN_AUDIENCE, USER_TOKEN_ISSUER, type UserTokenClaims } from '@airtime/contracts';

/** How every user token is checked: one algorithm (never `none`), identity's issuer, our audience. */
export const USER_TOKEN_VERIFY_OPTIONS: { algorithms: Algorithm[]; issuer: string; audience: string } = {
  algorithms: [USER_TOKEN_ALGORITHM],
  issuer: USER_TOKEN_ISSUER,
  audience: USER_TOKEN_AUDIENCE,
};

/**
 * A token identity signed and that has not expired, for the places that read one outside passport
 * (subscriptions, health details); throws when it is not. The session behind it is a separate question
 * (confirmSession).
 */
export function verifyUserToken(token: string, secret: string): UserTokenClaims & { exp?: number } {
  return jwt.verify(token, secret, USER_TOKEN_VERIFY_OPTIONS) as UserTokenClaims & { exp?: number };
}
