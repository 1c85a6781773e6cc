import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { API_KEY_MODES, UPSTREAM_IDS } from '@airtime/contracts';
import { scrapedGauge } from '@airtime/platform';
import { DispatchService } from '../recharge/dispatch.service.js';
import { GetUpstreamHealthUseCase } from './use-cases/get-upstream-health/get-upstream-health.use-case.js';

const float = scrapedGauge('upstream_float_minor', 'Our float with an upstream, in minor units of its currency, where it reports one (read at most once a minute per replica)', ['upstream', 'mode', 'currency']);

/**
 * The float as a gauge, so that platform teams can alert before it runs out rather than on the
 * failovers after it did. A scrape reads through the same per-minute cache as the operators' health.
 */
@Injectable()
export class UpstreamFloatMetrics implements OnModuleInit, OnModuleDestroy {
  private remove?: () => void;

  constructor(
    private readonly dispatch: DispatchService,
    private readonly health: GetUpstreamHealthUseCase,
  ) {}

  onModuleInit(): void {
    const pairs = UPSTREAM_IDS.filter((upstream) => this.dispatch.adapter(upstream)?.float).flatMap((upstream) => API_KEY_MODES.map((mode) => [upstream, mode] as const));
    this.remove = float.add(async (gauge) => {
      const readings = await Promise.all(pairs.map(([upstream, mode]) => this.health.floatOf(upstream, mode)));
      readings.forEach((reading, i) => {
        const [upstream, mode] = pairs[i] as (typeof pairs)[number];
        if (reading.float) gauge.labels(upstream, mode, reading.float.currency).set(Number(reading.float.amount_minor));
      });
    });
  }

  onModuleDestroy(): void {
    this.remove?.();
  }
}
