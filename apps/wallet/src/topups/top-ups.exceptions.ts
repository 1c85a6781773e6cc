import { PlatformError } from '@airtime/platform';

/** Every error a top-up answers with (its amount and currency are refused as the ledger's are). */

export const topUpNotFound = () => new PlatformError('TOPUP_NOT_FOUND', 'Top-up not found');

export const noTopUpForPayment = () => new PlatformError('TOPUP_NOT_FOUND', 'No top-up with this payment reference');
