import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { ListLedgerRequest } from '@airtime/contracts';
import { ModeQuery } from './mode.query.js';

export class LedgerQuery extends IntersectionType(OmitType(ListLedgerRequest, ['account_id', 'mode'] as const), ModeQuery) {}
