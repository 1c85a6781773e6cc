import type { DebitWalletRequest } from '@airtime/contracts';

export class DebitWalletCommand {
  /** What to take, from whose wallet, under which idempotency key (orders: `order:<id>:debit`). */
  readonly request: DebitWalletRequest;

  constructor(fields: DebitWalletCommand) {
    Object.assign(this, fields);
  }
}
