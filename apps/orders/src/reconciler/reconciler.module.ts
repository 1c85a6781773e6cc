import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { ReconcilerJob } from './reconciler.job.js';
import { ReconcilerMetrics } from './reconciler-metrics.js';
import { ReconcilerService } from './reconciler.service.js';

@Module({ imports: [OrdersModule], providers: [ReconcilerService, ReconcilerJob, ReconcilerMetrics], exports: [ReconcilerService] })
export class ReconcilerModule {}
