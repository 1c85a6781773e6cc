import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '@airtime/platform';
import { OrdersConfig } from '../config/orders.config.js';
import { ResumePayoutsCommand } from './use-cases/resume-payouts/resume-payouts.command.js';
import { ResumePayoutsUseCase } from './use-cases/resume-payouts/resume-payouts.use-case.js';

/** Pays orphaned payouts on the reconciler's beat (RECONCILE_INTERVAL_SECONDS), after its grace. */
@Injectable()
export class PayoutResumeJob extends ScheduledJob {
  constructor(
    private readonly resume: ResumePayoutsUseCase,
    private readonly config: OrdersConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('payout-resume', scheduler, config.RECONCILE_INTERVAL_SECONDS * 1000);
  }

  protected async work(): Promise<void> {
    const report = await this.resume.execute(new ResumePayoutsCommand({ graceSeconds: this.config.RECONCILE_GRACE_SECONDS, limit: 100 }));
    if (report.found) this.logger.log({ msg: 'resumed payouts', ...report });
  }
}
