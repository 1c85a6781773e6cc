import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { API_KEY_MODES, type ApiKeyMode } from '../identity/api-key-mode.js';
import { PageRequest, type PageView } from '../paging/page.js';
import { IsCurrencyCode } from '../validation/is-currency-code.js';
import { TOP_UP_STATUSES, type TopUpStatus } from './top-up-status.js';
import type { TopUpView } from './top-up.view.js';

/** An account's top-ups in one mode, newest first. */
export class ListTopUpsRequest extends PageRequest {
  @IsUUID() account_id: string;
  @IsIn(API_KEY_MODES) mode: ApiKeyMode;
  @IsOptional() @IsIn(TOP_UP_STATUSES) status?: TopUpStatus;
  @IsOptional() @IsCurrencyCode() currency?: string;
}

export type TopUpPageView = PageView<TopUpView>;
