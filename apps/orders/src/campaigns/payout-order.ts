import { Injectable } from '@nestjs/common';
import type { CampaignPayoutView } from '@airtime/contracts';
import { formatMinor } from '@airtime/money';
import { PlatformError } from '@airtime/platform';
import { CreateOrderCommand } from '../orders/use-cases/create-order/create-order.command.js';
import { CreateOrderUseCase } from '../orders/use-cases/create-order/create-order.use-case.js';
import { type CampaignRow, type PayoutRow, toPayoutView } from './campaign-row.js';
import { CampaignStore } from './campaign-store.js';

/**
 * The order that pays an admitted payout: an ordinary order whose agent_reference derives from the
 * campaign and the completion, so making it again (a retried request, the resume job after a crash)
 * finds the one already made.
 */
@Injectable()
export class PayoutOrder {
  constructor(
    private readonly store: CampaignStore,
    private readonly createOrder: CreateOrderUseCase,
  ) {}

  /** Makes (or finds) the payout's order and answers the payout as it then stands. */
  async pay(campaign: CampaignRow, payout: PayoutRow, waitMs?: number): Promise<CampaignPayoutView> {
    try {
      const order = await this.createOrder.execute(new CreateOrderCommand({
        request: {
          account_id: campaign.account_id, mode: campaign.mode, agent_reference: payout.agent_reference, product_id: campaign.product_id,
          target: payout.phone, amount: formatMinor(BigInt(payout.amount_minor), campaign.currency),
        },
        waitMs,
      }));
      return { ...toPayoutView(payout, campaign.currency), order_id: order.id, status: order.status };
    } catch (error) {
      // Refused before any order existed (the product withdrawn since): the payout holds no budget.
      // Not when nothing could take it for now (a service down, every upstream of its route drained):
      // the payout stays, and PayoutResumeJob pays it once it can.
      if (error instanceof PlatformError && !['INTERNAL', 'SERVICE_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE'].includes(error.code)) {
        await this.store.deletePayoutWithoutOrder(campaign.id, payout.completion_id);
      }
      throw error;
    }
  }
}
