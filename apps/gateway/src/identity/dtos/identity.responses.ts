import { ApiProperty } from '@nestjs/swagger';
import type { AccountView, AuthenticatedSessionView, UserView } from '@airtime/contracts';

// REST answers as the OpenAPI document shows them; `implements` keeps each in step with its view.

export class AccountResponse implements AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Sean Inc' }) name: string;
  @ApiProperty({ description: 'The account number people quote', example: '9444-5339-1364' }) number: string;
  @ApiProperty() address: string;
  @ApiProperty() city: string;
  @ApiProperty() contact_name: string;
  @ApiProperty() contact_email: string;
  @ApiProperty({ description: 'International form', example: '263775265552' }) contact_phone: string;
  @ApiProperty({ example: 'company' }) account_type: string;
  @ApiProperty({ example: 'superagent' }) account_level: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: '263775265552' }) phone: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty() first_name: string;
  @ApiProperty() last_name: string;
}

export class AuthenticatedSessionResponse implements AuthenticatedSessionView {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer <token>`' }) token: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}
