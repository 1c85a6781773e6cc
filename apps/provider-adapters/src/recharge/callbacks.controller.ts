import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { createHash, timingSafeEqual } from 'node:crypto';
import { API_KEY_MODES, type ApiKeyMode, Rpc, UpstreamCallbackRequest, type UpstreamCallbackReply } from '@airtime/contracts';
import { RpcClient, RpcHandler } from '@airtime/platform';
import { RefusedCallbacks } from './refused-callbacks.js';
import { SentDispatches } from './sent-dispatches.js';
import { UPSTREAM_ADAPTERS, type UpstreamAdapter } from './upstream-adapter.js';
import { callbackSecretMissing, callbackSecretWrong, noCallbacksFrom } from './callbacks.exceptions.js';

/**
 * An upstream's callback, from the gateway. Callbacks are hints: an upstream with a status query has
 * its adapter confirm the claim by querying; one without must carry the upstream's callback secret in
 * its URL. What is refused moves nothing and is counted (RefusedCallbacks). An outcome goes on to
 * orders; if orders cannot take it now, the upstream is answered with an error so that it calls
 * back again, as upstreams do.
 */
@Controller()
export class CallbacksController {
  private readonly logger = new Logger(CallbacksController.name);

  constructor(
    @Inject(UPSTREAM_ADAPTERS) private readonly adapters: UpstreamAdapter[],
    private readonly sent: SentDispatches,
    private readonly refusals: RefusedCallbacks,
    private readonly rpc: RpcClient,
  ) {}

  @RpcHandler(Rpc.providerAdapters.callback)
  async receive(@Payload() request: UpstreamCallbackRequest): Promise<UpstreamCallbackReply> {
    const adapter = this.adapters.find((a) => a.id === request.upstream);
    const sourceIp = request.source_ip;
    if (!adapter?.callback) {
      await this.refusals.record(request.upstream, 'no-callbacks', { sourceIp });
      throw noCallbacksFrom(request.upstream);
    }
    let authenticatedModes: ApiKeyMode[] | undefined;
    if (adapter.callbackSecrets !== undefined) {
      if (!request.token) {
        await this.refusals.record(request.upstream, 'missing-secret', { sourceIp });
        throw callbackSecretMissing(request.upstream);
      }
      const secrets = adapter.callbackSecrets;
      // Every mode's secret is compared, so the time taken does not tell which one came close.
      authenticatedModes = API_KEY_MODES.filter((mode) => sameSecret(request.token as string, secrets[mode]));
      if (authenticatedModes.length === 0) {
        await this.refusals.record(request.upstream, 'wrong-secret', { sourceIp });
        throw callbackSecretWrong(request.upstream);
      }
    }
    const translation = await adapter.callback(request.kind, request.body, {
      headers: request.headers ?? {},
      sourceIp,
      authenticatedModes,
      findSent: (by) => this.sent.find(request.upstream, by),
    });
    if (translation.refused) await this.refusals.record(request.upstream, translation.refused.reason, { ...translation.refused, sourceIp });
    if (!translation.outcome) return translation.reply;
    await this.sent.recordOutcome(request.upstream, translation.outcome);
    try {
      await this.rpc.request(Rpc.orders.applyOutcome, { upstream: request.upstream, reference: translation.outcome.reference, outcome: translation.outcome });
    } catch (error) {
      this.logger.warn(`callback outcome for ${translation.outcome.reference} not applied yet: ${(error as Error).message}`);
      return { status: 503, body: { message: 'Temporarily unable to process; please retry' } };
    }
    return translation.reply;
  }
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before comparing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
