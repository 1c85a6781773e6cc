import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { WalletConfig } from '../config/wallet.config.js';
import { TopUpsService } from './top-ups.service.js';

/** Every TOPUP_SWEEP_SECONDS, open top-ups past their expiry are checked once more and closed. */
@Injectable()
export class TopUpExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TopUpExpiryJob.name);
  private running = false;

  constructor(
    private readonly topUps: TopUpsService,
    private readonly config: WalletConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap() {
    if (this.config.TOPUP_SWEEP_SECONDS === 0) return;
    this.scheduler.addInterval('top-up-expiry', setInterval(() => void this.run(), this.config.TOPUP_SWEEP_SECONDS * 1000));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', 'top-up-expiry')) this.scheduler.deleteInterval('top-up-expiry');
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      await this.topUps.sweepExpired();
    } catch (error) {
      this.logger.error(error as Error);
    } finally {
      this.running = false;
    }
  }
}
