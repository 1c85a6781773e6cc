import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { ResendWebhookDeliveriesRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

export class ResendBody extends IntersectionType(OmitType(ResendWebhookDeliveriesRequest, ['account_id', 'mode'] as const), ModeQuery) {}
