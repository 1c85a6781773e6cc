import { PlatformError } from '@airtime/platform';

/** Every error a campaign or a payout request answers with. */

export const campaignNotFound = () => new PlatformError('CAMPAIGN_NOT_FOUND', 'Campaign not found');

/**
 * A payout request whose signature does not verify, names no campaign, or has none: one answer for
 * all three, so a stranger learns nothing about which campaigns exist.
 */
export const invalidPayoutSignature = () =>
  new PlatformError('INVALID_SIGNATURE', 'X-Airtime-Signature is missing or does not match the body under the campaign secret');

export const staleTimestamp = (skewSeconds: number) =>
  new PlatformError('SIGNATURE_EXPIRED', `timestamp is more than ${skewSeconds} seconds from the server clock: sign the request again with the current time`, {
    fields: { timestamp: [`timestamp must be within ${skewSeconds} seconds of now (unix seconds)`] },
  });

export const campaignPaused = () => new PlatformError('CAMPAIGN_PAUSED', 'The campaign is paused');

export const campaignEnded = () => new PlatformError('CAMPAIGN_ENDED', 'The campaign has ended');

export const budgetExceeded = (remaining: string, currency: string) =>
  new PlatformError('CAMPAIGN_BUDGET_EXCEEDED', `This payout would exceed the campaign budget (${remaining} ${currency} left)`);

export const phoneAlreadyPaid = () =>
  new PlatformError('PHONE_ALREADY_PAID', 'This phone number was already paid by this campaign (one payout per phone)', {
    fields: { phone: ['phone was already paid by this campaign'] },
  });

export const invalidCampaign = (fields: Record<string, string[]>) => new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields });

export const invalidPayout = (fields: Record<string, string[]>) => new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields });
