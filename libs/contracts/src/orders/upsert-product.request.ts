import { IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '../dispatch/product-kind.js';
import { UPSTREAM_IDS, type UpstreamId } from '../dispatch/upstream-id.js';
import { IsMinorUnits } from '../validation/is-minor-units.js';
import { IsCountryCode, IsCurrencyCode } from '../validation/is-currency-code.js';
import { IsProductId } from '../validation/is-product-id.js';

/** An operator's catalogue change: a new product, or new values for an existing one (by id). */
export class UpsertProductRequest {
  @IsProductId() id: number;
  @IsString() @MinLength(3) @MaxLength(100) name: string;
  @IsCountryCode() country: string;
  @IsString() @MinLength(2) @MaxLength(20) network: string;
  @IsIn(PRODUCT_KINDS) kind: ProductKind;
  @IsCurrencyCode() currency: string;
  @IsOptional() @IsMinorUnits() min_minor?: string;
  @IsOptional() @IsMinorUnits() max_minor?: string;
  @IsOptional() @IsArray() @IsMinorUnits({ each: true }) denominations_minor?: string[];
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsOptional() @IsString() @MaxLength(64) upstream_product?: string;
  @IsBoolean() active: boolean;
}
