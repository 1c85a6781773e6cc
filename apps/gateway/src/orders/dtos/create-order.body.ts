import { OmitType } from '@nestjs/mapped-types';
import { CreateOrderRequest } from '@airtime/contracts';
import { AlsoAccepts } from '../../openapi/validation-schemas.js';

/** 001's order body, field for field: `{product_id, target, amount, agent_reference, custom_sms?}`; the key names the account and mode. */
export class CreateOrderBody extends OmitType(CreateOrderRequest, ['account_id', 'mode'] as const) {}

// The contract validates the amount as decimal text; 001 sends a JSON number, which its transform turns into that text.
AlsoAccepts({ type: 'number', description: 'Major units as a JSON number, as 001 sends it', example: 5 })(CreateOrderBody.prototype, 'amount');
