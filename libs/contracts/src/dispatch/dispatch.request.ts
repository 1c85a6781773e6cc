import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { PRODUCT_KINDS, type ProductKind } from './product-kind.js';
import { UPSTREAM_IDS, type UpstreamId } from './upstream-id.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { IsRechargeTarget } from '../validation/is-msisdn.js';
import { MultilineText } from '../validation/text-policy.js';

/**
 * orders → provider-adapters: deliver one recharge. `reference` is the order's own id and is what the
 * upstream sees as our transaction reference, so a re-sent request can never deliver twice where the
 * upstream honours references, and a later query can find it.
 */
export class DispatchRequest {
  @IsString() @MinLength(1) @MaxLength(64) reference: string;
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsIn(PRODUCT_KINDS) kind: ProductKind;
  @IsString() @MaxLength(20) country: string;
  @IsString() @MaxLength(20) network: string;
  /** An MSISDN in international digits, or a meter number for electricity. */
  @IsRechargeTarget() target: string;
  @IsCurrencyCode() currency: string;
  @IsMinorUnits() amount_minor: string;
  /** An upstream product code, e.g. a data bundle's. */
  @IsOptional() @IsString() @MaxLength(64) upstream_product?: string;
  @IsOptional() @MultilineText() @IsString() @MaxLength(160) message?: string;
}
