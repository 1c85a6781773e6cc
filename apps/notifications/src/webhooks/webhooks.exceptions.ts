import { PlatformError } from '@airtime/platform';

export const notFound = () => new PlatformError('WEBHOOK_NOT_FOUND', 'Webhook endpoint not found');

/** The reason names the rule broken, never the address the name resolved to. */
export const urlRefused = (reason: string) =>
  new PlatformError('WEBHOOK_URL_REFUSED', 'Webhook receivers must be on the public internet', { fields: { url: [reason] } });

export const endpointLimitReached = (limit: number, mode: string) =>
  new PlatformError('WEBHOOK_ENDPOINT_LIMIT', `An account can have at most ${limit} ${mode} webhook endpoints; delete one first`, { limit, mode });
