import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { RouteEntryView, RouteView, UpstreamDrainView, UpstreamHealthView } from '@airtime/contracts';
import { ModeEnum } from '../../graph/mode.js';

@ObjectType('RouteEntry')
export class RouteEntryModel {
  @Field() upstream: string;
  @Field(() => Int) priority: number;
  @Field(() => Int) weight: number;
  @Field(() => Int, { nullable: true }) costBps: number | null;
  @Field(() => String, { nullable: true }) costCurrency: string | null;
  @Field() testMode: boolean;

  static from(v: RouteEntryView): RouteEntryModel {
    return Object.assign(new RouteEntryModel(), { upstream: v.upstream, priority: v.priority, weight: v.weight, costBps: v.cost_bps, costCurrency: v.cost_currency, testMode: v.test_mode });
  }
}

@ObjectType('Route', { description: 'The upstreams one country, network and kind is sent to, by priority (drained ones are skipped when orders are placed)' })
export class RouteModel {
  @Field() country: string;
  @Field() network: string;
  @Field() kind: string;
  @Field(() => [RouteEntryModel]) entries: RouteEntryModel[];
  @Field() updatedAt: string;
  @Field(() => String, { nullable: true }) updatedBy: string | null;

  static from(v: RouteView): RouteModel {
    return Object.assign(new RouteModel(), { country: v.country, network: v.network, kind: v.kind, entries: v.entries.map(RouteEntryModel.from), updatedAt: v.updated_at, updatedBy: v.updated_by });
  }
}

@ObjectType('SetRoutePayload')
export class SetRoutePayload {
  @Field(() => RouteModel) route: RouteModel;
}

@ObjectType('UpstreamDrain')
export class UpstreamDrainModel {
  @Field() upstream: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() drainedBy: string;
  @Field() drainedAt: string;

  static from(v: UpstreamDrainView): UpstreamDrainModel {
    return Object.assign(new UpstreamDrainModel(), { upstream: v.upstream, mode: v.mode as ModeEnum, reason: v.reason, drainedBy: v.drained_by, drainedAt: v.drained_at });
  }
}

@ObjectType('DrainUpstreamPayload')
export class DrainUpstreamPayload {
  @Field(() => [UpstreamDrainModel], { description: 'Every drain now in force' }) drains: UpstreamDrainModel[];
}

@ObjectType('UpstreamFloat')
export class UpstreamFloatModel {
  @Field() currency: string;
  @Field({ description: 'Minor units' }) amountMinor: string;
  @Field() checkedAt: string;
}

@ObjectType('UpstreamHealth', { description: "One upstream in one mode: whether it takes new orders, its circuit, and how its sends went over the window" })
export class UpstreamHealthModel {
  @Field() upstream: string;
  @Field(() => ModeEnum) mode: ModeEnum;
  @Field({ description: 'An operator stopped new orders going to it' }) drained: boolean;
  @Field(() => UpstreamDrainModel, { nullable: true }) drain: UpstreamDrainModel | null;
  @Field({ description: 'closed, open or half-open, as the provider-adapters replica that answered sees it' }) circuit: string;
  @Field(() => Int) windowMinutes: number;
  @Field(() => Int) sent: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) unknown: number;
  @Field(() => Float, { nullable: true }) successRate: number | null;
  @Field(() => Float, { nullable: true }) p50Ms: number | null;
  @Field(() => Float, { nullable: true }) p99Ms: number | null;
  @Field(() => UpstreamFloatModel, { nullable: true, description: 'Our float with it, where it reports one' }) float: UpstreamFloatModel | null;
  @Field(() => String, { nullable: true }) floatError: string | null;
  @Field(() => String, { nullable: true }) lastInsufficientBalanceAt: string | null;

  static from(v: UpstreamHealthView, drain: UpstreamDrainView | undefined): UpstreamHealthModel {
    return Object.assign(new UpstreamHealthModel(), {
      upstream: v.upstream, mode: v.mode as ModeEnum, drained: drain !== undefined, drain: drain ? UpstreamDrainModel.from(drain) : null, circuit: v.circuit,
      windowMinutes: v.window_minutes, sent: v.sent, succeeded: v.succeeded, failed: v.failed, unknown: v.unknown, successRate: v.success_rate,
      p50Ms: v.p50_ms, p99Ms: v.p99_ms,
      float: v.float ? Object.assign(new UpstreamFloatModel(), { currency: v.float.currency, amountMinor: v.float.amount_minor, checkedAt: v.float.checked_at }) : null,
      floatError: v.float_error, lastInsufficientBalanceAt: v.last_insufficient_balance_at,
    });
  }
}
