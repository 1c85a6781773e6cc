import { IsOptional } from 'class-validator';
import { IsPageSize } from '../validation/is-page.js';

/** Operators: orders the reconciler could not resolve in time, across all accounts, oldest first. */
export class ListAttentionOrdersRequest {
  @IsOptional() @IsPageSize(500) limit?: number;
}
