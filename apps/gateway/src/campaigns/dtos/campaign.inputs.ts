import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateCampaignRequest } from '@airtime/contracts';
import { CamelCaseType } from '../../contracts/camel-case-type.js';
import { ConnectionType } from '../../graph/connection.js';
import { ModeEnum } from '../../graph/mode.js';
import { CampaignModel, CampaignPayoutModel } from './campaign.model.js';

export const CampaignConnection = ConnectionType(CampaignModel, 'Campaign');
export const CampaignPayoutConnection = ConnectionType(CampaignPayoutModel, 'CampaignPayout');

@InputType()
export class CreateCampaignInput extends CamelCaseType(CreateCampaignRequest, ['name', 'product_id', 'amount', 'min_amount', 'max_amount', 'budget', 'ends_at', 'one_per_phone'] as const) {
  @Field() name: string;
  @Field(() => Int) productId: number;
  @Field({ nullable: true, description: 'A fixed amount per payout, major units ("2.00"); or give minAmount and maxAmount' }) amount?: string;
  @Field({ nullable: true }) minAmount?: string;
  @Field({ nullable: true }) maxAmount?: string;
  @Field({ description: "Major units of the product's currency" }) budget: string;
  @Field({ nullable: true, description: 'ISO 8601; payouts are refused from then on' }) endsAt?: string;
  @Field({ nullable: true, description: 'One payout per phone number (default true)' }) onePerPhone?: boolean;
  @Field(() => ModeEnum, { nullable: true, description: 'live or test, for a logged-in user (default live); an API key always uses its own mode' })
  @IsOptional() @IsEnum(ModeEnum) mode?: ModeEnum;
}

/** A campaign named by its global id. */
@InputType()
export class CampaignRefInput {
  @Field(() => ID, { description: "The campaign's global id" }) @IsString() @MaxLength(200) id: string;
}

@ObjectType('CampaignPayload')
export class CampaignPayload {
  @Field(() => CampaignModel) campaign: CampaignModel;
}

@ObjectType('CampaignSecretPayload')
export class CampaignSecretPayload {
  @Field(() => CampaignModel) campaign: CampaignModel;
  @Field({ description: 'The signing secret: shown this once, store it now' }) secret: string;
}
