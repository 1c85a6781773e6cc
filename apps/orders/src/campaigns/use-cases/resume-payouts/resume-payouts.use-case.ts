import { Injectable, Logger } from '@nestjs/common';
import { CampaignStore } from '../../campaign-store.js';
import { PayoutOrder } from '../../payout-order.js';
import { ResumePayoutsCommand } from './resume-payouts.command.js';

export interface ResumeReport {
  found: number;
  paid: number;
  failed: number;
}

/**
 * Pays the payouts whose order was never made: a payout is committed before its order, so a process
 * stopped in between leaves one holding budget with nothing paid. Making its order now is the same
 * idempotent order a retried request would make, so the survey tool need not retry for it to be paid.
 */
@Injectable()
export class ResumePayoutsUseCase {
  private readonly logger = new Logger(ResumePayoutsUseCase.name);

  constructor(
    private readonly store: CampaignStore,
    private readonly payoutOrder: PayoutOrder,
  ) {}

  async execute(command: ResumePayoutsCommand): Promise<ResumeReport> {
    const orphans = await this.store.orphanedPayouts(command.graceSeconds, command.limit);
    const report: ResumeReport = { found: orphans.length, paid: 0, failed: 0 };
    for (const payout of orphans) {
      const campaign = await this.store.byId(payout.campaign_id);
      if (!campaign) continue;
      try {
        await this.payoutOrder.pay(campaign, payout, 0);
        report.paid++;
      } catch (error) {
        // Refused for good (the payout is then released), or a service away: the next run tries again.
        report.failed++;
        this.logger.warn(`payout ${payout.id} of campaign ${campaign.id}: ${(error as Error).message}`);
      }
    }
    return report;
  }
}
