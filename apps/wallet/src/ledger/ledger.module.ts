import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller.js';
import { LedgerQueriesService } from './ledger-queries.service.js';
import { LedgerService } from './ledger.service.js';

@Module({ controllers: [LedgerController], providers: [LedgerService, LedgerQueriesService], exports: [LedgerService] })
export class LedgerModule {}
