import { IntersectionType, OmitType } from '@nestjs/mapped-types';
import { CreateCampaignRequest, ListCampaignPayoutsRequest, ListCampaignsRequest } from '@airtime/contracts';
import { ModeQuery } from '../../wallet/dtos/mode.query.js';

/** The campaign as the tenant describes it; a logged-in user may choose the mode (an API key's own wins). */
export class CreateCampaignBody extends IntersectionType(OmitType(CreateCampaignRequest, ['account_id', 'mode'] as const), ModeQuery) {}

/** `after` a page's `next_cursor`, `limit`, and the mode for a logged-in user. */
export class CampaignsQuery extends IntersectionType(OmitType(ListCampaignsRequest, ['account_id', 'mode', 'before'] as const), ModeQuery) {}

export class CampaignPayoutsQuery extends IntersectionType(OmitType(ListCampaignPayoutsRequest, ['account_id', 'mode', 'campaign_id', 'before'] as const), ModeQuery) {}
