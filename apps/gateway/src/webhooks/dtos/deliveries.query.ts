import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { ListWebhookDeliveriesRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

export class DeliveriesQuery extends IntersectionType(OmitType(ListWebhookDeliveriesRequest, ['account_id', 'mode'] as const), ModeQuery) {}
