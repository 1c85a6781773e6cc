import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { PlatformError } from '@airtime/platform';
import { ApiKeyVerifier } from './api-key-verifier.js';
import { requestOf } from './request-of.js';
import { UserJwtGuard } from './user-jwt.guard.js';

/**
 * The /api/v1 routes a business calls: `Authorization: Api-Key atk_…` (001) or a user's bearer token.
 * A revoked or unknown key is a 401, like a missing one. Keys are verified by identity and then
 * remembered for a while (ApiKeyVerifier).
 */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(
    private readonly apiKeys: ApiKeyVerifier,
    private readonly userJwt: UserJwtGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    // One GraphQL document may ask several guarded root fields; the caller is established once.
    if (request.user) return true;
    const header = request.header('authorization') ?? '';
    const apiKey = /^Api-Key\s+(\S+)$/i.exec(header)?.[1];
    if (!apiKey) return (await this.userJwt.canActivate(context)) as boolean;
    try {
      request.user = await this.apiKeys.verify(apiKey);
      return true;
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'VALIDATION_FAILED') {
        throw new PlatformError('UNAUTHENTICATED', 'Invalid or revoked API key');
      }
      throw error;
    }
  }
}
