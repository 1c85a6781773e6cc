import type { OrderRow } from '../../order-row.js';

export class ReconcileOrderCommand {
  /** An order the caller has claimed (it holds the lease) as it stood when claimed. */
  readonly order: OrderRow;

  constructor(fields: ReconcileOrderCommand) {
    Object.assign(this, fields);
  }
}
