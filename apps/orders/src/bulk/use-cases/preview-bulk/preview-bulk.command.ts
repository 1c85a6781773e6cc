import type { PreviewBulkRequest } from '@airtime/contracts';

export class PreviewBulkCommand {
  readonly request: PreviewBulkRequest;

  constructor(fields: PreviewBulkCommand) {
    Object.assign(this, fields);
  }
}
