import type { ApiKeyMode } from '@airtime/contracts';

export class GetOrdersCommand {
  readonly accountId: string;
  readonly mode: ApiKeyMode;
  readonly ids: string[];

  constructor(fields: GetOrdersCommand) {
    Object.assign(this, fields);
  }
}
