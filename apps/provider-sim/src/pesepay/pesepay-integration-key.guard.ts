import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProviderSimConfig } from '../config/provider-sim.config.js';
import { pesepayError } from './pesepay-error.js';

/** Pesepay's API authenticates merchants by their integration key, sent bare as `authorization`. */
@Injectable()
export class PesepayIntegrationKeyGuard implements CanActivate {
  constructor(private readonly config: ProviderSimConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const sent = context.switchToHttp().getRequest<Request>().headers.authorization;
    // Hashed first so that the comparison takes the same time whatever the lengths.
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (sent === undefined || !timingSafeEqual(digest(sent), digest(this.config.PESEPAY_INTEGRATION_KEY))) {
      throw pesepayError(401, sent === undefined ? 'Missing authorization header (the integration key)' : 'Invalid integration key');
    }
    return true;
  }
}
