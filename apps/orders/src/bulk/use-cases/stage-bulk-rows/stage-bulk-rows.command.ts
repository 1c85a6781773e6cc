import type { StageBulkRowsRequest } from '@airtime/contracts';

export class StageBulkRowsCommand {
  readonly request: StageBulkRowsRequest;

  constructor(fields: StageBulkRowsCommand) {
    Object.assign(this, fields);
  }
}
