import type { CreateOrderRequest } from '@airtime/contracts';

export class CreateOrderCommand {
  /** 001's order body with the caller's account and mode. */
  readonly request: CreateOrderRequest;
  /** The batch this order is an item of. */
  readonly batchId?: string;
  /** How long to wait for the outcome before answering; ORDER_WAIT_MS when not given. */
  readonly waitMs?: number;

  constructor(fields: CreateOrderCommand) {
    Object.assign(this, fields);
  }
}
