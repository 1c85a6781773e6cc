import type { ListBatchesRequest } from '@airtime/contracts';

export class ListBatchesCommand {
  /** The account, its mode and the page asked for. */
  readonly request: ListBatchesRequest;

  constructor(fields: ListBatchesCommand) {
    Object.assign(this, fields);
  }
}
