import { ApiProperty } from '@nestjs/swagger';
import {
  API_KEY_MODES,
  type ApiKeyMode,
  type LedgerEntryView,
  type LedgerPageView,
  TOP_UP_STATUSES,
  type TopUpStatus,
  type TopUpView,
  TRANSFER_KINDS,
  type TransferKind,
  type WalletView,
} from '@airtime/contracts';

const minor = { description: 'Integer minor units as a string ("1050" is 10.50)', pattern: '^-?\\d+$' };

export class WalletResponse implements WalletView {
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ ...minor, example: '1050' }) balance_minor: string;
  @ApiProperty({ description: 'The same balance in major units, for display only', example: '10.50' }) balance: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class LedgerEntryResponse implements LedgerEntryView {
  @ApiProperty() id: string;
  @ApiProperty() transfer_id: string;
  @ApiProperty({ enum: TRANSFER_KINDS }) kind: TransferKind;
  @ApiProperty() currency: string;
  @ApiProperty({ ...minor, description: 'Negative takes money out of the wallet, positive puts it in' }) amount_minor: string;
  @ApiProperty(minor) balance_after_minor: string;
  @ApiProperty({ type: String, nullable: true }) order_id: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class LedgerPageResponse implements LedgerPageView {
  @ApiProperty({ type: [LedgerEntryResponse] }) entries: LedgerEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) next_cursor: string | null;
}

export class TopUpResponse implements TopUpView {
  @ApiProperty({ example: 'TOP-4F7Q2KD9XH3M' }) reference: string;
  @ApiProperty({ enum: TOP_UP_STATUSES }) status: TopUpStatus;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty() currency: string;
  @ApiProperty(minor) amount_minor: string;
  @ApiProperty({ example: '10.50' }) amount: string;
  @ApiProperty({ example: 'pesepay' }) provider: string;
  @ApiProperty({ type: String, nullable: true, description: "Where the payer completes the payment (Pesepay's page)" }) redirect_url: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completed_at: string | null;
}
