import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '@airtime/platform';
import { WalletConfig } from '../config/wallet.config.js';
import { ExpireTopUpsCommand } from './use-cases/expire-top-ups/expire-top-ups.command.js';
import { ExpireTopUpsUseCase } from './use-cases/expire-top-ups/expire-top-ups.use-case.js';

/** Every TOPUP_SWEEP_SECONDS, open top-ups past their expiry are checked once more and closed. */
@Injectable()
export class TopUpExpiryJob extends ScheduledJob {
  constructor(
    private readonly expireTopUps: ExpireTopUpsUseCase,
    config: WalletConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('top-up-expiry', scheduler, config.TOPUP_SWEEP_SECONDS * 1000);
  }

  protected async work(): Promise<void> {
    await this.expireTopUps.execute(new ExpireTopUpsCommand({ limit: 100 }));
  }
}
