import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ApiKeyMode, DispatchOutcome, DispatchRequest, QueryDispatchRequest, UpstreamId } from '@airtime/contracts';
import { CircuitBreaker } from './circuit-breaker.js';
import { outcome, PENDING } from './outcomes.js';
import { RechargeConfig } from './recharge.config.js';
import { SentDispatches } from './sent-dispatches.js';
import { UPSTREAM_ADAPTERS, type UpstreamAdapter } from './upstream-adapter.js';
import { observeUpstreamCall, outcomeLabel, watchCircuits } from './upstream-metrics.js';

/**
 * Routes each dispatch to its upstream's adapter, behind a circuit breaker per upstream and mode:
 * sandbox traffic (which anyone with a test key can aim at a failing test number) never opens the
 * circuit live orders go through.
 */
@Injectable()
export class DispatchService implements OnModuleDestroy {
  private readonly logger = new Logger(DispatchService.name);
  private readonly adapters: Map<UpstreamId, UpstreamAdapter>;
  private readonly breakers = new Map<`${UpstreamId}:${ApiKeyMode}`, CircuitBreaker>();
  private readonly unwatch = watchCircuits(this.breakers);

  constructor(
    @Inject(UPSTREAM_ADAPTERS) adapters: UpstreamAdapter[],
    private readonly config: RechargeConfig,
    private readonly sent: SentDispatches,
  ) {
    this.adapters = new Map(adapters.map((a) => [a.id, a]));
  }

  onModuleDestroy(): void {
    this.unwatch();
  }

  async send(request: DispatchRequest): Promise<DispatchOutcome> {
    const adapter = this.adapters.get(request.upstream);
    if (!adapter) return outcome.failed(request.reference, 'UPSTREAM_NOT_CONFIGURED', null, `No adapter for ${request.upstream}; nothing was sent`);
    const breaker = this.breaker(request.upstream, request.mode);
    if (!breaker.tryAcquire()) {
      observeUpstreamCall(request.upstream, 'send', 'circuit_open', performance.now());
      // Nothing leaves while the circuit is open, so this failure is certain: the order can be refunded.
      return outcome.failed(request.reference, 'UPSTREAM_UNAVAILABLE', null, `${request.upstream} is failing and was not called; try again later`);
    }
    // Written before the call, so that a callback that beats the answer can be matched.
    await this.sent.recordSending(request);
    let result: DispatchOutcome;
    const started = performance.now();
    try {
      result = await adapter.send(request);
    } catch (error) {
      this.logger.error(error as Error);
      result = outcome.unknown(request.reference, `adapter error: ${(error as Error).message}`);
    }
    const latencyMs = performance.now() - started;
    observeUpstreamCall(request.upstream, 'send', outcomeLabel(result), started);
    breaker.record(result.status !== 'unknown' || result.upstream_code === PENDING);
    await this.sent.recordOutcome(request.upstream, result, latencyMs).catch((error: Error) => this.logger.warn(`dispatch record not updated: ${error.message}`));
    this.logger.log({ msg: 'dispatched', upstream: request.upstream, reference: request.reference, status: result.status, upstream_code: result.upstream_code });
    return result;
  }

  async query(request: QueryDispatchRequest): Promise<DispatchOutcome> {
    const adapter = this.adapters.get(request.upstream);
    if (!adapter) return outcome.unknown(request.reference, `No adapter for ${request.upstream}`);
    if (request.original && !(await this.sent.find(request.upstream, { reference: request.reference }))) {
      this.logger.log({ msg: 'never sent; sending now', upstream: request.upstream, reference: request.reference });
      return this.send(request.original);
    }
    const started = performance.now();
    let result: DispatchOutcome;
    try {
      result = await adapter.query(request);
    } catch (error) {
      this.logger.error(error as Error);
      result = outcome.unknown(request.reference, `adapter error: ${(error as Error).message}`);
    }
    observeUpstreamCall(request.upstream, 'query', outcomeLabel(result), started);
    return result;
  }

  /** As this replica's breaker sees it; an upstream not called yet has no breaker, and is closed. */
  circuitState(upstream: UpstreamId, mode: ApiKeyMode): CircuitBreaker['state'] {
    return this.breakers.get(`${upstream}:${mode}`)?.state ?? 'closed';
  }

  /** The registered adapters, for what reads them beside dispatching (the upstreams' health). */
  adapter(upstream: UpstreamId): UpstreamAdapter | undefined {
    return this.adapters.get(upstream);
  }

  private breaker(upstream: UpstreamId, mode: ApiKeyMode): CircuitBreaker {
    const key = `${upstream}:${mode}` as const;
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(this.config.CIRCUIT_FAILURE_THRESHOLD, this.config.CIRCUIT_COOLDOWN_SECONDS * 1000);
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}
