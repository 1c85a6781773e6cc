import type { RunBulkRequest } from '@airtime/contracts';

export class RunBulkCommand {
  readonly request: RunBulkRequest;

  constructor(fields: RunBulkCommand) {
    Object.assign(this, fields);
  }
}
