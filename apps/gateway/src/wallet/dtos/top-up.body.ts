import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty } from 'class-validator';
import { IsCurrencyCode } from '@airtime/contracts';

/** 001's top-up: the amount in major units (10 or "10.50"), as a payer thinks of it. */
export class TopUpBody {
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], description: 'A positive amount in major units (10 or "10.50"), at most the currency\'s decimals', example: '20.00' })
  @IsNotEmpty() amount: number | string;
  @IsCurrencyCode() currency: string;
}
