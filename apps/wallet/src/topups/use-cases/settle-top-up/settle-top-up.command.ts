import type { TopUpRow } from '../../top-up-row.js';

export class SettleTopUpCommand {
  /** A top-up Pesepay has a payment for (it has a provider reference). */
  readonly topUp: TopUpRow;

  constructor(fields: SettleTopUpCommand) {
    Object.assign(this, fields);
  }
}
