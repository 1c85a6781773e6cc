import type { ListOrdersRequest } from '@airtime/contracts';

export class ListOrdersCommand {
  /** The account, its mode, the filters (public statuses) and the page asked for. */
  readonly filter: ListOrdersRequest;

  constructor(fields: ListOrdersCommand) {
    Object.assign(this, fields);
  }
}
