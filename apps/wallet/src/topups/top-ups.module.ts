import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { TopUpExpiryJob } from './top-up-expiry.job.js';
import { TopUpsController } from './top-ups.controller.js';
import { TopUpsService } from './top-ups.service.js';

@Module({ imports: [LedgerModule], controllers: [TopUpsController], providers: [TopUpsService, TopUpExpiryJob], exports: [TopUpsService] })
export class TopUpsModule {}
