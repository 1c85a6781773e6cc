import type { GetBulkBatchesRequest } from '@airtime/contracts';

export class GetBulkBatchesCommand {
  readonly request: GetBulkBatchesRequest;

  constructor(fields: GetBulkBatchesCommand) {
    Object.assign(this, fields);
  }
}
