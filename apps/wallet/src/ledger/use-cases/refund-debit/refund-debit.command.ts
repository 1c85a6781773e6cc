import type { RefundDebitRequest } from '@airtime/contracts';

export class RefundDebitCommand {
  /** Which debit to give back (by its key), how much of it, under which key of its own. */
  readonly request: RefundDebitRequest;

  constructor(fields: RefundDebitCommand) {
    Object.assign(this, fields);
  }
}
