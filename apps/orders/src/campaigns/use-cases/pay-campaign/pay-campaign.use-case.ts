import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CampaignPayoutBody, type CampaignPayoutView } from '@airtime/contracts';
import { formatMinor } from '@airtime/money';
import { createValidationPipe, PlatformError } from '@airtime/platform';
import { CatalogueService } from '../../../catalogue/catalogue.service.js';
import { OrdersConfig } from '../../../config/orders.config.js';
import { orderAmount } from '../../../orders/order-amount.js';
import { orderTarget } from '../../../orders/order-target.js';
import { amountOutOfRange } from '../../../orders/orders.exceptions.js';
import { campaignStatus, type CampaignRow, type PayoutRow } from '../../campaign-row.js';
import { CampaignSecrets } from '../../campaign-secrets.js';
import { CampaignStore } from '../../campaign-store.js';
import { PayoutOrder } from '../../payout-order.js';
import { budgetExceeded, campaignEnded, campaignPaused, invalidPayout, invalidPayoutSignature, phoneAlreadyPaid, staleTimestamp } from '../../campaigns.exceptions.js';
import { PayCampaignCommand } from './pay-campaign.command.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A survey tool's signed payout request. In this order, so that nothing is learnt or changed
 * without the secret: the signature over the raw bytes (an unknown campaign answers as a bad
 * signature), then the body, then the timestamp (a captured request is useless five minutes later),
 * then the completion (the same one again is the same payout, whatever the campaign's state since).
 * A new payout is admitted under the campaign's row lock (paused/ended, one per phone, spend plus
 * in-flight within the budget), committed, and then paid by an ordinary order whose agent_reference
 * derives from campaign and completion, so a retry after any crash makes the same order.
 */
@Injectable()
export class PayCampaignUseCase {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly store: CampaignStore,
    private readonly secrets: CampaignSecrets,
    private readonly catalogue: CatalogueService,
    private readonly payoutOrder: PayoutOrder,
    private readonly config: OrdersConfig,
  ) {}

  async execute(command: PayCampaignCommand): Promise<CampaignPayoutView> {
    const campaign = UUID.test(command.campaignId) ? await this.store.byId(command.campaignId) : undefined;
    if (!campaign || !this.secrets.verifies(command.body, command.signature, campaign.secret_sealed)) throw invalidPayoutSignature();
    const body = await this.parse(command.body);
    const skew = this.config.CAMPAIGN_TIMESTAMP_SKEW_SECONDS;
    if (Math.abs(Date.now() / 1000 - body.timestamp) > skew) throw staleTimestamp(skew);

    const known = await this.store.payoutByCompletion(campaign.id, body.completion_id);
    if (known) return this.payoutOrder.pay(campaign, known, command.waitMs);

    const status = campaignStatus(campaign);
    if (status === 'paused') throw campaignPaused();
    if (status === 'ended') throw campaignEnded();
    const product = await this.catalogue.orderable(campaign.product_id);
    const phone = orderTarget(product, body.phone);
    const amount = this.amountOf(campaign, body, product);

    const payout = await this.admit(campaign.id, { completion_id: body.completion_id, phone, amount });
    return this.payoutOrder.pay(campaign, payout, command.waitMs);
  }

  /** The payout's amount: the campaign's fixed one (a different one asked is refused), or one within its range. */
  private amountOf(campaign: CampaignRow, body: CampaignPayoutBody, product: Parameters<typeof orderAmount>[0]): bigint {
    const show = (minor: string) => formatMinor(BigInt(minor), campaign.currency);
    if (campaign.amount_minor !== null) {
      if (body.amount !== undefined && orderAmount(product, body.amount) !== BigInt(campaign.amount_minor)) {
        throw amountOutOfRange(`this campaign pays ${show(campaign.amount_minor)} ${campaign.currency} per payout`);
      }
      return BigInt(campaign.amount_minor);
    }
    if (body.amount === undefined) throw invalidPayout({ amount: ['amount is required: this campaign pays an amount within a range'] });
    const amount = orderAmount(product, body.amount);
    if (amount < BigInt(campaign.min_minor as string) || amount > BigInt(campaign.max_minor as string)) {
      throw amountOutOfRange(`amount must be between ${show(campaign.min_minor as string)} and ${show(campaign.max_minor as string)} ${campaign.currency}`);
    }
    return amount;
  }

  /**
   * The payout row, admitted under the campaign's row lock so that concurrent payouts see each
   * other's reservations: two cannot both take the last of the budget, or both pay one phone. A
   * duplicate completion that arrived meanwhile is answered with the payout it made.
   */
  private async admit(campaignId: string, asked: { completion_id: string; phone: string; amount: bigint }): Promise<PayoutRow> {
    try {
      await this.store.transaction(async (tx) => {
        const campaign = (await this.store.byId(campaignId, tx, true)) as CampaignRow;
        if (await this.store.payoutByCompletion(campaignId, asked.completion_id, tx)) return;
        const status = campaignStatus(campaign);
        if (status === 'paused') throw campaignPaused();
        if (status === 'ended') throw campaignEnded();
        if (campaign.one_per_phone && (await this.store.phoneHeld(campaignId, asked.phone, tx))) throw phoneAlreadyPaid();
        const figures = (await this.store.figures([campaignId], tx)).get(campaignId);
        const committed = (figures?.spent ?? 0n) + (figures?.inFlight ?? 0n);
        const budget = BigInt(campaign.budget_minor);
        if (committed + asked.amount > budget) throw budgetExceeded(formatMinor(budget - committed, campaign.currency), campaign.currency);
        await this.store.insertPayout({ campaign_id: campaignId, completion_id: asked.completion_id, phone: asked.phone, amount_minor: asked.amount, agent_reference: payoutReference(campaignId, asked.completion_id) }, tx);
      });
    } catch (error) {
      // The unique (campaign, completion) constraint: a duplicate committed between our read and insert.
      if (!(error instanceof Error && 'code' in error && (error as { code?: string }).code === '23505')) throw error;
    }
    const payout = await this.store.payoutByCompletion(campaignId, asked.completion_id);
    if (!payout) throw new PlatformError('INTERNAL', 'Payout vanished');
    return payout;
  }

  private async parse(raw: Buffer): Promise<CampaignPayoutBody> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalidPayout({ body: ['body must be a JSON object'] });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidPayout({ body: ['body must be a JSON object'] });
    return (await this.validation.transform(parsed, { type: 'body', metatype: CampaignPayoutBody })) as CampaignPayoutBody;
  }
}

/** The agent_reference of a payout's order: stable per campaign and completion, within 100 printable characters. */
export function payoutReference(campaignId: string, completionId: string): string {
  return `campaign:${campaignId}:${createHash('sha256').update(completionId, 'utf8').digest('hex').slice(0, 32)}`;
}
