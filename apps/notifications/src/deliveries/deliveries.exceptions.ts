import { PlatformError } from '@airtime/platform';

/** A re-send names one delivery or a time since which every dead one goes again. */
export function resendNeedsATarget(): PlatformError {
  return new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { delivery_id: ['give delivery_id or failed_since'] } });
}

export function deliveryNotFound(): PlatformError {
  return new PlatformError('NOT_FOUND', 'Delivery not found');
}
