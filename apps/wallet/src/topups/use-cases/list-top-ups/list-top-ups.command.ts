import type { ListTopUpsRequest } from '@airtime/contracts';

export class ListTopUpsCommand {
  /** The account, its mode, the filters and the page asked for. */
  readonly request: ListTopUpsRequest;

  constructor(fields: ListTopUpsCommand) {
    Object.assign(this, fields);
  }
}
