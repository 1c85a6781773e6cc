import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { ExportStatementRequest } from '@airtime/contracts';
import { ModeQuery } from './mode.query.js';

export class StatementQuery extends IntersectionType(OmitType(ExportStatementRequest, ['account_id', 'mode'] as const), ModeQuery) {}
