import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '../dispatch/product-kind.js';
import { IsCountryCode, IsCurrencyCode } from '../validation/is-currency-code.js';

export class ListProductsRequest {
  @IsOptional() @IsCountryCode() country?: string;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsIn(PRODUCT_KINDS) kind?: ProductKind;
  @IsOptional() @IsCurrencyCode() currency?: string;
  @IsOptional() @IsBoolean() include_inactive?: boolean;
}
