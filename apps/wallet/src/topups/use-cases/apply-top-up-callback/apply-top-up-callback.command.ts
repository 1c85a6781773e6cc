export class ApplyTopUpCallbackCommand {
  /** Pesepay's result callback body, as it arrived (encrypted under our key). */
  readonly payload: string;

  constructor(fields: ApplyTopUpCallbackCommand) {
    Object.assign(this, fields);
  }
}
