import type { ApiKeyMode } from '@airtime/contracts';

export class GetLedgerEntriesCommand {
  readonly accountId: string;
  readonly mode: ApiKeyMode;
  /** Entry ids as digits (a ledger entry's id is a bigint). */
  readonly ids: string[];

  constructor(fields: GetLedgerEntriesCommand) {
    Object.assign(this, fields);
  }
}
