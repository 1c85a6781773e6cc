import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '../dispatch/product-kind.js';
import { UPSTREAM_IDS, type UpstreamId } from '../dispatch/upstream-id.js';
import { IsMinorUnits } from '../wallet/is-minor-units.js';

/** An operator's catalogue change: a new product, or new values for an existing one (by id). */
export class UpsertProductRequest {
  @IsInt() @Min(1) id: number;
  @IsString() @MinLength(3) @MaxLength(100) name: string;
  @Matches(/^[A-Z]{2}$/) country: string;
  @IsString() @MinLength(2) @MaxLength(20) network: string;
  @IsIn(PRODUCT_KINDS) kind: ProductKind;
  @Matches(/^[A-Z]{3}$/) currency: string;
  @IsOptional() @IsMinorUnits() min_minor?: string;
  @IsOptional() @IsMinorUnits() max_minor?: string;
  @IsOptional() @IsArray() @IsMinorUnits({ each: true }) denominations_minor?: string[];
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  @IsOptional() @IsString() @MaxLength(64) upstream_product?: string;
  @IsBoolean() active: boolean;
}
