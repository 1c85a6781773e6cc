import { Injectable } from '@nestjs/common';
import type { CreatedCampaignView } from '@airtime/contracts';
import { MoneyError, parseMajorToMinor } from '@airtime/money';
import { CatalogueService } from '../../../catalogue/catalogue.service.js';
import { orderAmount } from '../../../orders/order-amount.js';
import { toCampaignView, NO_FIGURES } from '../../campaign-row.js';
import { CampaignSecrets } from '../../campaign-secrets.js';
import { CampaignStore } from '../../campaign-store.js';
import { invalidCampaign } from '../../campaigns.exceptions.js';
import { CreateCampaignCommand } from './create-campaign.command.js';

/**
 * A new payout campaign in the caller's mode. Its amounts are checked against the product as an order
 * would be (a fixed amount, or both ends of the range), so every payout it can make is orderable; the
 * signing secret is answered this once and kept sealed.
 */
@Injectable()
export class CreateCampaignUseCase {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly store: CampaignStore,
    private readonly secrets: CampaignSecrets,
  ) {}

  async execute({ request }: CreateCampaignCommand): Promise<CreatedCampaignView> {
    const fixed = request.amount !== undefined;
    const ranged = request.min_amount !== undefined || request.max_amount !== undefined;
    if (fixed === ranged) {
      const message = 'give either amount or both min_amount and max_amount';
      throw invalidCampaign({ amount: [message] });
    }
    if (ranged && (request.min_amount === undefined || request.max_amount === undefined)) {
      throw invalidCampaign({ [request.min_amount === undefined ? 'min_amount' : 'max_amount']: ['give both min_amount and max_amount'] });
    }
    if (request.ends_at !== undefined && new Date(request.ends_at) <= new Date()) throw invalidCampaign({ ends_at: ['ends_at must be in the future'] });
    const product = await this.catalogue.orderable(request.product_id);
    const amount = fixed ? orderAmount(product, request.amount as string) : null;
    const min = ranged ? orderAmount(product, request.min_amount as string) : null;
    const max = ranged ? orderAmount(product, request.max_amount as string) : null;
    if (min !== null && max !== null && min > max) throw invalidCampaign({ min_amount: ['min_amount must not exceed max_amount'] });
    let budget: bigint;
    try {
      budget = parseMajorToMinor(request.budget, product.currency);
    } catch (error) {
      if (error instanceof MoneyError) throw invalidCampaign({ budget: [`budget is not a valid ${product.currency} amount: ${error.message}`] });
      throw error;
    }
    if (budget <= 0n) throw invalidCampaign({ budget: ['budget must be more than zero'] });
    if (budget < (amount ?? min ?? 0n)) throw invalidCampaign({ budget: ['budget must cover at least one payout'] });

    const secret = this.secrets.generate();
    const campaign = await this.store.insert({
      account_id: request.account_id, mode: request.mode, name: request.name, product_id: product.id, currency: product.currency,
      amount_minor: amount, min_minor: min, max_minor: max, budget_minor: budget, ends_at: request.ends_at ?? null,
      one_per_phone: request.one_per_phone ?? true, secret_sealed: this.secrets.seal(secret),
    });
    return { ...toCampaignView(campaign, NO_FIGURES), secret };
  }
}
