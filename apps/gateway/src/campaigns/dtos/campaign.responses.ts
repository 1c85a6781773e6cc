import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_MODES, type ApiKeyMode, CAMPAIGN_STATUSES, type CampaignPayoutView, type CampaignStatus, type CampaignView, type CreatedCampaignView } from '@airtime/contracts';

const minor = { example: '500', description: 'Exactly, in minor units (cents), as a string' };
const major = (example: string) => ({ example, description: "Major units, as 001's amounts read" });
const nullableMajor = { type: String, nullable: true, example: '2.00' };

export class CampaignResponse implements CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty() product_id: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ ...nullableMajor, description: 'The fixed amount of each payout; null when the campaign pays within a range' }) amount: string | null;
  @ApiProperty(nullableMajor) min_amount: string | null;
  @ApiProperty(nullableMajor) max_amount: string | null;
  @ApiProperty(major('500.00')) budget: string;
  @ApiProperty(minor) budget_minor: string;
  @ApiProperty({ ...major('12.00'), description: 'Paid out: payouts whose order succeeded' }) spent: string;
  @ApiProperty(minor) spent_minor: string;
  @ApiProperty({ ...major('2.00'), description: 'Reserved by payouts still under way' }) in_flight: string;
  @ApiProperty(minor) in_flight_minor: string;
  @ApiProperty({ ...major('486.00'), description: 'budget − spent − in_flight: what new payouts may still use' }) remaining: string;
  @ApiProperty(minor) remaining_minor: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { success: 6, pending: 1, refunded: 1 }, description: "Payouts by their order's status" })
  payout_counts: Record<string, number>;
  @ApiProperty() one_per_phone: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ends_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class CreatedCampaignResponse extends CampaignResponse implements CreatedCampaignView {
  @ApiProperty({ description: 'The signing secret: in this answer only (and in rotate-secret’s)', example: 'cps_3q2-…' }) secret: string;
}

export class CampaignPageResponse {
  @ApiProperty({ type: [CampaignResponse] }) campaigns: CampaignResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last' }) next_cursor: string | null;
}

export class CampaignPayoutResponse implements CampaignPayoutView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaign_id: string;
  @ApiProperty() completion_id: string;
  @ApiProperty({ example: '263772279099' }) phone: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty(major('2.00')) amount: string;
  @ApiProperty(minor) amount_minor: string;
  @ApiProperty({ example: 'success', description: "The order's status (001's); pending until it is known" }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) order_id: string | null;
  @ApiProperty({ description: "The order's agent_reference (GET /api/v1/orders/<agent_reference>)" }) agent_reference: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class CampaignPayoutPageResponse {
  @ApiProperty({ type: [CampaignPayoutResponse] }) payouts: CampaignPayoutResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last' }) next_cursor: string | null;
}

/** The payout request a survey tool signs (documented here; orders reads it only once the signature verifies). */
export class CampaignPayoutRequestBody {
  @ApiProperty({ example: 'resp_8812', description: 'The completion paid for: the same one again answers the same payout (1–100 printable characters)' }) completion_id: string;
  @ApiProperty({ example: '0772279099' }) phone: string;
  @ApiProperty({ example: 1767225600, description: 'When the request was signed, unix seconds; refused when more than 5 minutes from our clock' }) timestamp: number;
  @ApiProperty({ required: false, oneOf: [{ type: 'number' }, { type: 'string' }], example: 2.5, description: "Only for a campaign with a range: the payout's amount within it" }) amount?: number | string;
}
