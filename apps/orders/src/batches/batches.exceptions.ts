import { PlatformError } from '@airtime/platform';

/** Every error a batch answers with (its items answer with the orders' own). */

export const batchNotFound = () => new PlatformError('NOT_FOUND', 'Batch not found');
