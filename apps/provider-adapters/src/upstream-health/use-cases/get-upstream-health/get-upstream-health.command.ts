export class GetUpstreamHealthCommand {
  readonly windowMinutes: number;

  constructor(fields: GetUpstreamHealthCommand) {
    Object.assign(this, fields);
  }
}
