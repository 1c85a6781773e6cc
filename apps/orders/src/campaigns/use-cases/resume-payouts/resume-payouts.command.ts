export class ResumePayoutsCommand {
  /** Only payouts admitted at least this long ago: a younger one may still be on its way to its order. */
  readonly graceSeconds: number;
  /** How many to take in one run. */
  readonly limit: number;

  constructor(fields: ResumePayoutsCommand) {
    Object.assign(this, fields);
  }
}
