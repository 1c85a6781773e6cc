import type { BulkBatchRequest } from '@airtime/contracts';

export class CancelBulkCommand {
  readonly request: BulkBatchRequest;

  constructor(fields: CancelBulkCommand) {
    Object.assign(this, fields);
  }
}
