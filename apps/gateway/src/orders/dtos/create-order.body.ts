import { OmitType } from '@nestjs/mapped-types';
import { CreateOrderRequest } from '@airtime/contracts';

/** 001's order body, field for field: `{product_id, target, amount, agent_reference, custom_sms?}`; the key names the account and mode. */
export class CreateOrderBody extends OmitType(CreateOrderRequest, ['account_id', 'mode'] as const) {}
