import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { CreateWebhookEndpointRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

export class CreateWebhookBody extends IntersectionType(OmitType(CreateWebhookEndpointRequest, ['account_id', 'mode'] as const), ModeQuery) {}
