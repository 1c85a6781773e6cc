import type { CreditWalletRequest } from '@airtime/contracts';

export class CreditWalletCommand {
  /** A top-up (with its source) or an operator's adjustment (with its reason and actor). */
  readonly request: CreditWalletRequest;

  constructor(fields: CreditWalletCommand) {
    Object.assign(this, fields);
  }
}
