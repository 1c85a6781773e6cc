import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '@airtime/platform';
import { WalletConfig } from '../config/wallet.config.js';
import { TopUpsService } from './top-ups.service.js';

/** Every TOPUP_SWEEP_SECONDS, open top-ups past their expiry are checked once more and closed. */
@Injectable()
export class TopUpExpiryJob extends ScheduledJob {
  constructor(
    private readonly topUps: TopUpsService,
    config: WalletConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('top-up-expiry', scheduler, config.TOPUP_SWEEP_SECONDS * 1000);
  }

  protected async work(): Promise<void> {
    await this.topUps.sweepExpired();
  }
}
