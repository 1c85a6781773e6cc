import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_MODES, type ApiKeyMode, type ApiKeyView, type CreatedApiKeyView } from '@airtime/contracts';

export class ApiKeyResponse implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the key, to recognise it', example: 'atk_live_3f9a' }) prefix: string;
  @ApiProperty({ enum: API_KEY_MODES }) mode: ApiKeyMode;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_used_at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revoked_at: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse implements CreatedApiKeyView {
  @ApiProperty({ description: 'The whole key, shown in this answer only', example: 'atk_live_…' }) key: string;
}
