import { Injectable, Logger } from '@nestjs/common';
import { OPEN, toTopUpView } from '../../top-up-row.js';
import { TopUpStore } from '../../top-up-store.js';
import { SettleTopUpCommand } from '../settle-top-up/settle-top-up.command.js';
import { SettleTopUpUseCase } from '../settle-top-up/settle-top-up.use-case.js';
import { ExpireTopUpsCommand } from './expire-top-ups.command.js';

/** Open top-ups past their expiry: asked once more, then expired if Pesepay still has nothing. Answers how many were due. */
@Injectable()
export class ExpireTopUpsUseCase {
  private readonly logger = new Logger(ExpireTopUpsUseCase.name);

  constructor(
    private readonly store: TopUpStore,
    private readonly settleTopUp: SettleTopUpUseCase,
  ) {}

  async execute(command: ExpireTopUpsCommand): Promise<number> {
    const due = await this.store.openPastExpiry(command.limit);
    for (const topUp of due) {
      try {
        const settled = topUp.provider_reference ? await this.settleTopUp.execute(new SettleTopUpCommand({ topUp })) : toTopUpView(topUp);
        if (settled.status === 'pending' || settled.status === 'initiating') {
          await this.settleTopUp.setStatus(topUp, 'expired', null, null, OPEN);
        }
      } catch (error) {
        this.logger.warn(`expiry check of ${topUp.reference} failed: ${(error as Error).message}`);
      }
    }
    return due.length;
  }
}
