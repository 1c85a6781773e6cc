import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsAgentReference } from '../validation/is-agent-reference.js';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsLookupIds, PageRequest } from '../paging/page.js';
import { IsMajorAmount } from '../validation/is-major-amount.js';
import { IsProductId } from '../validation/is-product-id.js';

/** 001 sends amounts as JSON numbers (5) or decimal strings ("5.50"); both are read as the string. */
const numberAsString = () => Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value));

/**
 * A payout campaign: a fixed `amount` per payout, or a `min_amount`/`max_amount` range the payout
 * request picks from (orders checks that exactly one of the two is given), within `budget`, all in
 * major units of the product's currency.
 */
export class CreateCampaignRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsString() @MinLength(1) @MaxLength(100) name: string;
  @IsProductId() product_id: number;
  @IsOptional() @numberAsString() @IsString({ message: '$property must be a number, e.g. 5 or 5.50' }) @IsMajorAmount() amount?: string;
  @IsOptional() @numberAsString() @IsString({ message: '$property must be a number, e.g. 5 or 5.50' }) @IsMajorAmount() min_amount?: string;
  @IsOptional() @numberAsString() @IsString({ message: '$property must be a number, e.g. 5 or 5.50' }) @IsMajorAmount() max_amount?: string;
  @numberAsString() @IsString({ message: '$property must be a number, e.g. 500 or 500.00' }) @IsMajorAmount() budget: string;
  @IsOptional() @IsISO8601({ strict: true }) ends_at?: string;
  /** One payout per phone number over the campaign's life; true unless turned off. */
  @IsOptional() @IsBoolean() one_per_phone?: boolean;
}

/** One campaign of an account in one mode. */
export class CampaignRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() campaign_id: string;
}

/** Pause (`paused: true`) or resume a campaign; either is harmless to repeat. */
export class SetCampaignPausedRequest extends CampaignRequest {
  @IsBoolean() paused: boolean;
}

export class ListCampaignsRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
}

/** Several campaigns of one account and mode by id; ids not found (or not its own) are left out. */
export class GetCampaignsRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsLookupIds() @IsUUID('all', { each: true }) ids: string[];
}

/** A campaign's payouts, newest first. */
export class ListCampaignPayoutsRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsUUID() campaign_id: string;
}

/**
 * A payout request exactly as the tenant's survey tool sent it: orders holds the campaign's secret, so
 * it checks the signature over these bytes before it reads them. No account: the signature is the
 * only credential. The campaign id is any text from the URL: an unknown one is refused as a bad
 * signature, so a stranger cannot tell which campaigns exist.
 */
export class PayCampaignRequest {
  @IsString() @MaxLength(100) campaign_id: string;
  /** The raw body, base64: the bytes the signature covers (the gateway refuses more than 8 KiB). */
  @IsString() @MaxLength(12_000) body_base64: string;
  @IsOptional() @IsString() @MaxLength(200) signature?: string;
}

/**
 * What the survey tool signs and sends: the completion it pays for (the idempotency key: the same
 * completion is the same payout), the phone, when it was signed (unix seconds), and the amount when
 * the campaign has a range.
 */
export class CampaignPayoutBody {
  @IsAgentReference() completion_id: string;
  @IsString() @MinLength(3) @MaxLength(32) phone: string;
  @IsInt() timestamp: number;
  @IsOptional() @numberAsString() @IsString({ message: '$property must be a number, e.g. 5 or 5.50' }) @IsMajorAmount() amount?: string;
}
