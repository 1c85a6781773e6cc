import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '@airtime/contracts';

export class ProductsQuery {
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code, e.g. ZW' }) country?: string;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsIn(PRODUCT_KINDS) kind?: ProductKind;
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO code' }) currency?: string;
}
