import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { allOf } from '../validation/all-of.js';
import { IsPageCursor, IsPageSize } from '../validation/is-page.js';

/** The most ids one batched lookup may name: a page of a connection, with room to spare. */
export const MAX_LOOKUP_IDS = 200;

/** Ids a batched lookup names: at least one, and a bounded number (each element's rule is the caller's). */
export function IsLookupIds(): PropertyDecorator {
  return allOf(IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_LOOKUP_IDS));
}

/**
 * A window of a list ordered newest first, as Relay connections page it: `after` a cursor (older
 * items) or `before` one (newer items), at most `limit`. A cursor is one a page gave out.
 */
export abstract class PageRequest {
  @IsOptional() @IsPageCursor() after?: string;
  @IsOptional() @IsPageCursor() before?: string;
  /** A number over NATS; a query string's text at the gateway, hence the conversion. */
  @IsOptional() @Type(() => Number) @IsPageSize(200) limit?: number;
}

export interface PageEdge<T> {
  cursor: string;
  node: T;
}

/**
 * One page, newest first. `has_next_page`: older items follow the last edge. `has_previous_page`:
 * newer items precede the first edge (known when paging backwards, or true whenever `after` was given).
 */
export interface PageView<T> {
  edges: PageEdge<T>[];
  has_next_page: boolean;
  has_previous_page: boolean;
}
