import type { ApiKeyMode } from '@airtime/contracts';

export class GetBatchesCommand {
  readonly accountId: string;
  readonly mode: ApiKeyMode;
  readonly ids: string[];

  constructor(fields: GetBatchesCommand) {
    Object.assign(this, fields);
  }
}
