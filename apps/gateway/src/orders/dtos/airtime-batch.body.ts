import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AirtimeRechargeBody } from './airtime-recharge.body.js';

/** 000 §6: `{account, recharges: [...]}`; `account` is optional here since the token names the account. */
export class AirtimeBatchBody {
  @IsOptional() @IsString() @MaxLength(100) account?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => AirtimeRechargeBody) recharges: AirtimeRechargeBody[];
}
