import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { ORDER_STATUSES, type OrderStatus } from './order-status.js';
import { IsRechargeTarget } from '../validation/is-msisdn.js';
import { IsPageCursor, IsPageSize } from '../validation/is-page.js';

export const MAX_ORDERS_PAGE = 200;

export class ListOrdersRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsRechargeTarget() target?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsPageCursor() cursor?: string;
  @IsOptional() @IsPageSize(MAX_ORDERS_PAGE) limit?: number;
}
