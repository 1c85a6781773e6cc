import type { BulkBatchRequest } from '@airtime/contracts';

export class GetBulkCommand {
  readonly request: BulkBatchRequest;

  constructor(fields: GetBulkCommand) {
    Object.assign(this, fields);
  }
}
