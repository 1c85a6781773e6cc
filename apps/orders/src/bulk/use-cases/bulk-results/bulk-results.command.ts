import type { BulkResultsRequest } from '@airtime/contracts';

export class BulkResultsCommand {
  readonly request: BulkResultsRequest;

  constructor(fields: BulkResultsCommand) {
    Object.assign(this, fields);
  }
}
