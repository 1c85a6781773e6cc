import { Injectable } from '@nestjs/common';
import type { LedgerEntryView } from '@airtime/contracts';
import { LedgerQueriesService } from '../../ledger-queries.service.js';
import { GetLedgerEntriesCommand } from './get-ledger-entries.command.js';

/**
 * Several of an account's ledger entries by id in one query, as links to them are resolved; ids that
 * are not entries of its wallets in that mode (the platform's own accounts included) are left out.
 */
@Injectable()
export class GetLedgerEntriesUseCase {
  constructor(private readonly queries: LedgerQueriesService) {}

  execute(command: GetLedgerEntriesCommand): Promise<LedgerEntryView[]> {
    return this.queries.entriesByIds(command.accountId, command.mode, command.ids);
  }
}
