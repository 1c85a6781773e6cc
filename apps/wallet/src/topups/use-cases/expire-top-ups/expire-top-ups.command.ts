export class ExpireTopUpsCommand {
  /** At most this many top-ups in one sweep. */
  readonly limit: number;

  constructor(fields: ExpireTopUpsCommand) {
    Object.assign(this, fields);
  }
}
