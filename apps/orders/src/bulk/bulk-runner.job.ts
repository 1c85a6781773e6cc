import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { OrderEventsPublisher } from '../events/order-events.publisher.js';
import { BulkRunner } from './bulk-runner.js';

/**
 * Runs bulk rows every BULK_RUN_INTERVAL_MS, and at once when nudged by a new batch: a batch left
 * half-run by a stopped process is picked up at start-up and by any replica once its leases lapse.
 */
@Injectable()
export class BulkRunnerJob extends ScheduledJob {
  private readonly enabled: boolean;

  constructor(
    private readonly runner: BulkRunner,
    private readonly events: OrderEventsPublisher,
    config: OrdersConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('bulk-runner', scheduler, config.BULK_RUN_INTERVAL_MS);
    this.enabled = config.BULK_RUN_INTERVAL_MS > 0;
  }

  /** Starts a run now (a tick already under way claims the new rows itself); off with the job. */
  nudge(): void {
    if (this.enabled) void this.tick();
  }

  protected async work(): Promise<void> {
    const finished = await this.runner.runOnce();
    if (finished.length) this.events.nudge();
    for (const batch of finished) this.logger.log({ msg: 'bulk batch finished', batch_id: batch.id, status: batch.status });
  }
}
