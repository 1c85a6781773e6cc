import type { CreateTopUpRequest } from '@airtime/contracts';

export class CreateTopUpCommand {
  /** How much the tenant pays in, in which currency and mode. */
  readonly request: CreateTopUpRequest;

  constructor(fields: CreateTopUpCommand) {
    Object.assign(this, fields);
  }
}
