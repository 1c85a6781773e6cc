import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { ReconcilerService } from './reconciler.service.js';

/** Runs the reconciler every RECONCILE_INTERVAL_SECONDS (001: two minutes), one run at a time per process. */
@Injectable()
export class ReconcilerJob extends ScheduledJob {
  constructor(
    private readonly reconciler: ReconcilerService,
    config: OrdersConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('reconciler', scheduler, config.RECONCILE_INTERVAL_SECONDS * 1000);
  }

  protected async work(): Promise<void> {
    const report = await this.reconciler.runOnce();
    if (report.examined) this.logger.log({ msg: 'reconciled', ...report });
  }
}
