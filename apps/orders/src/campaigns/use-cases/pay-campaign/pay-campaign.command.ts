export class PayCampaignCommand {
  /** The campaign id as the URL gave it (any text: an unknown one is a bad signature). */
  readonly campaignId: string;
  /** The request body's exact bytes, which the signature covers. */
  readonly body: Buffer;
  /** X-Airtime-Signature as sent, if at all. */
  readonly signature?: string;
  /** How long to wait for the order's outcome; ORDER_WAIT_MS when not given. */
  readonly waitMs?: number;

  constructor(fields: PayCampaignCommand) {
    Object.assign(this, fields);
  }
}
