import { Injectable, Logger } from '@nestjs/common';
import type { TopUpView } from '@airtime/contracts';
import { toTopUpView } from '../../top-up-row.js';
import { TopUpStore } from '../../top-up-store.js';
import { topUpNotFound } from '../../top-ups.exceptions.js';
import { SettleTopUpCommand } from '../settle-top-up/settle-top-up.command.js';
import { SettleTopUpUseCase } from '../settle-top-up/settle-top-up.use-case.js';
import { GetTopUpCommand } from './get-top-up.command.js';

/** The tenant's view of a top-up; a pending one is checked with Pesepay first (as it stood, if Pesepay cannot say). */
@Injectable()
export class GetTopUpUseCase {
  private readonly logger = new Logger(GetTopUpUseCase.name);

  constructor(
    private readonly store: TopUpStore,
    private readonly settleTopUp: SettleTopUpUseCase,
  ) {}

  async execute(command: GetTopUpCommand): Promise<TopUpView> {
    const topUp = await this.store.byReference(command.accountId, command.mode, command.reference);
    if (!topUp) throw topUpNotFound();
    if (topUp.status !== 'pending' || !topUp.provider_reference) return toTopUpView(topUp);
    try {
      return await this.settleTopUp.execute(new SettleTopUpCommand({ topUp }));
    } catch (error) {
      this.logger.warn(`status check of ${command.reference} failed: ${(error as Error).message}`);
      return toTopUpView(topUp);
    }
  }
}
