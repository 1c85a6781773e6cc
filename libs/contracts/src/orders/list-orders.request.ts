import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { ORDER_STATUSES, type OrderStatus } from './order-status.js';
import { IsRechargeTarget } from '../validation/is-msisdn.js';
import { PageRequest, type PageView } from '../paging/page.js';
import type { OrderView } from './order.view.js';

export const MAX_ORDERS_PAGE = 200;

/** An account's orders in one mode, newest first; cursors are each order's position (`seq`). */
export class ListOrdersRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsRechargeTarget() target?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  /** Only the orders of one batch. */
  @IsOptional() @IsUUID() batch_id?: string;
}

export type OrderPageView = PageView<OrderView>;
