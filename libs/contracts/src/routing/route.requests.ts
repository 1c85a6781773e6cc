import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { PRODUCT_KINDS, type ProductKind } from '../dispatch/product-kind.js';
import { UPSTREAM_IDS, type UpstreamId } from '../dispatch/upstream-id.js';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { IsCountryCode, IsCurrencyCode } from '../validation/is-currency-code.js';

/** One upstream of a route, as an operator sets it. */
export class RouteEntryRequest {
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  /** Lower is tried first. */
  @IsInt() @Min(0) @Max(1000) priority: number;
  /** Among entries of equal priority and cost, the share of first attempts this one gets (default 1). */
  @IsOptional() @IsInt() @Min(1) @Max(1000) weight?: number;
  /**
   * What we pay this upstream per unit of face value, in basis points (9800: N98 for N100 of airtime),
   * billed in `cost_currency`. Among entries of equal priority the cheapest is tried first.
   */
  @IsOptional() @IsInt() @Min(0) @Max(100_000) cost_bps?: number;
  @IsOptional() @IsCurrencyCode() cost_currency?: string;
  /** Whether test-mode (sandbox) orders may be sent through this entry. */
  @IsBoolean() test_mode: boolean;
}

/**
 * Operators: the whole ordered list of upstreams for one country, network and kind, replacing the
 * previous one. An empty list removes the route: each product then goes to its own upstream.
 */
export class SetRouteRequest {
  @IsCountryCode() country: string;
  @IsString() @MinLength(2) @MaxLength(20) @Matches(/^[a-z0-9][a-z0-9-]*$/i) network: string;
  @IsIn(PRODUCT_KINDS) kind: ProductKind;
  @IsArray() @ArrayMinSize(0) @ArrayMaxSize(UPSTREAM_IDS.length) @ValidateNested({ each: true }) @Type(() => RouteEntryRequest) entries: RouteEntryRequest[];
  /** Who changed it (the operator's user id), kept with the route. */
  @IsString() @MinLength(1) @MaxLength(64) actor: string;
}

/** Operators: the routes, optionally of one country, network or kind. */
export class ListRoutesRequest {
  @IsOptional() @IsCountryCode() country?: string;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsIn(PRODUCT_KINDS) kind?: ProductKind;
}

/**
 * Operators: stop (or resume) sending new orders to an upstream, in one mode or both. Orders already
 * sent to it are followed up as usual (queries, callbacks, reversals).
 */
export class SetUpstreamDrainedRequest {
  @IsIn(UPSTREAM_IDS) upstream: UpstreamId;
  /** Omitted: both modes. */
  @IsOptional() @IsIn(API_KEY_MODES) mode?: ApiKeyMode;
  @IsBoolean() drained: boolean;
  @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @IsString() @MinLength(1) @MaxLength(64) actor: string;
}

/** Operators: which upstreams are drained. Takes no fields. */
export class ListUpstreamDrainsRequest {}
