import { IsAgentReference, IsCurrencyCode, IsMinorAmount, IsPhoneNumber } from '@airtime/contracts';

/** 000 §5: amount in minor units (cents), phone in international format, a unique reference. */
export class AirtimeRechargeBody {
  @IsPhoneNumber() phone: string;
  @IsMinorAmount() amount: number;
  @IsCurrencyCode() currency: string;
  /** Becomes the order's agent_reference, so it follows the same rule. */
  @IsAgentReference() reference: string;
}
