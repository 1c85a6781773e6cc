export class ListOrdersNeedingAttentionCommand {
  readonly limit: number;

  constructor(fields: ListOrdersNeedingAttentionCommand) {
    Object.assign(this, fields);
  }
}
