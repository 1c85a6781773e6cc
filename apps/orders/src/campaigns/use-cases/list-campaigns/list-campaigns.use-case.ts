import { Injectable } from '@nestjs/common';
import type { CampaignPageView, CampaignView } from '@airtime/contracts';
import { fetchPage } from '@airtime/platform';
import type { CampaignRow } from '../../campaign-row.js';
import { CampaignStore } from '../../campaign-store.js';
import { campaignViews } from '../../campaign-views.js';
import { ListCampaignsCommand } from './list-campaigns.command.js';

/** An account's campaigns in one mode, newest first; a cursor is a campaign's `seq`. */
@Injectable()
export class ListCampaignsUseCase {
  constructor(private readonly store: CampaignStore) {}

  async execute({ request }: ListCampaignsCommand): Promise<CampaignPageView> {
    const page = await fetchPage(request, 50, (seek) => this.store.list(request.account_id, request.mode, seek), (c) => c.seq, (c): CampaignRow => c);
    const views = await campaignViews(this.store, page.edges.map((e) => e.node));
    return { ...page, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: views[i] as CampaignView })) };
  }
}
