import type { TopUpView } from '@airtime/contracts';

export class GetTopUpCommand {
  readonly accountId: string;
  readonly mode: TopUpView['mode'];
  readonly reference: string;

  constructor(fields: GetTopUpCommand) {
    Object.assign(this, fields);
  }
}
