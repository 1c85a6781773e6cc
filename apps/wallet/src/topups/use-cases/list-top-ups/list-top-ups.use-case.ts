import { Injectable } from '@nestjs/common';
import type { TopUpPageView } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
import { toTopUpView } from '../../top-up-row.js';
import { TopUpStore } from '../../top-up-store.js';
import { ListTopUpsCommand } from './list-top-ups.command.js';

/**
 * An account's top-ups in one mode, newest first, a page at a time; a cursor is a top-up's `seq`.
 * Each is shown as it stands: a list does not ask Pesepay about pending ones (getting one does).
 */
@Injectable()
export class ListTopUpsUseCase {
  constructor(private readonly store: TopUpStore) {}

  execute({ request }: ListTopUpsCommand): Promise<TopUpPageView> {
    const filter = { accountId: request.account_id, mode: request.mode, status: request.status, currency: request.currency };
    return fetchPage(request, 50, (seek) => this.store.list(filter, seek), (t) => t.seq, toTopUpView);
  }
}
