import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { OrdersConfig } from '../config/orders.config.js';
import { ReconcilerService } from './reconciler.service.js';

/** Runs the reconciler every RECONCILE_INTERVAL_SECONDS (001: two minutes), one run at a time per process. */
@Injectable()
export class ReconcilerJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerJob.name);
  private running = false;

  constructor(
    private readonly reconciler: ReconcilerService,
    private readonly config: OrdersConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap() {
    if (this.config.RECONCILE_INTERVAL_SECONDS === 0) return;
    this.scheduler.addInterval('reconciler', setInterval(() => void this.run(), this.config.RECONCILE_INTERVAL_SECONDS * 1000));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', 'reconciler')) this.scheduler.deleteInterval('reconciler');
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      const report = await this.reconciler.runOnce();
      if (report.examined) this.logger.log({ msg: 'reconciled', ...report });
    } catch (error) {
      this.logger.error(error as Error);
    } finally {
      this.running = false;
    }
  }
}
