import { PlatformError } from '@airtime/platform';

/** Every error routing answers with. */

export const noRouteAvailable = (productId: number) =>
  new PlatformError('UPSTREAM_UNAVAILABLE', `No upstream can take product ${productId} now (drained or closed to this mode); nothing was charged`);

export const upstreamRepeated = (upstream: string) =>
  new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { entries: [`upstream ${upstream} appears more than once`] } });
