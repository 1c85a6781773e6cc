import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { ORDER_STATUSES, type OrderStatus } from './order-status.js';
import { IsRechargeTarget } from '../validation/is-msisdn.js';

export class ListOrdersRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @IsOptional() @IsString() @MaxLength(20) network?: string;
  @IsOptional() @IsRechargeTarget() target?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor is not one this API gave out' }) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}
