import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { pesepayError } from './pesepay-error.js';
import { PESEPAY_SIM_SETTINGS, type PesepaySimSettings } from './pesepay-sim-settings.js';

/** Pesepay's API authenticates merchants by their integration key, sent bare as `authorization`. */
@Injectable()
export class PesepayIntegrationKeyGuard implements CanActivate {
  constructor(@Inject(PESEPAY_SIM_SETTINGS) private readonly settings: PesepaySimSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const sent = context.switchToHttp().getRequest<Request>().headers.authorization;
    // Hashed first so that the comparison takes the same time whatever the lengths.
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (sent === undefined || !timingSafeEqual(digest(sent), digest(this.settings.integrationKey))) {
      throw pesepayError(401, sent === undefined ? 'Missing authorization header (the integration key)' : 'Invalid integration key');
    }
    return true;
  }
}
