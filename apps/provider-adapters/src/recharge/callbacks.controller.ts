import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, UpstreamCallbackRequest, type UpstreamCallbackReply } from '@airtime/contracts';
import { RpcClient } from '@airtime/platform';
import { SentDispatches } from './sent-dispatches.js';
import { UPSTREAM_ADAPTERS, type UpstreamAdapter } from './upstream-adapter.js';

/**
 * An upstream's callback, from the gateway: the adapter authenticates and translates it against what
 * we sent; an outcome goes on to orders. If orders cannot take it now, the upstream is answered with
 * an error so that it calls back again, as upstreams do.
 */
@Controller()
export class CallbacksController {
  private readonly logger = new Logger(CallbacksController.name);

  constructor(
    @Inject(UPSTREAM_ADAPTERS) private readonly adapters: UpstreamAdapter[],
    private readonly sent: SentDispatches,
    private readonly rpc: RpcClient,
  ) {}

  @MessagePattern(Subjects.providerAdapters.callback)
  async receive(@Payload() request: UpstreamCallbackRequest): Promise<UpstreamCallbackReply> {
    const adapter = this.adapters.find((a) => a.id === request.upstream);
    if (!adapter?.callback) return { status: 404, body: { message: `${request.upstream} has no callbacks here` } };
    const translation = await adapter.callback(request.kind, request.body, {
      headers: request.headers ?? {},
      sourceIp: request.source_ip,
      findSent: (by) => this.sent.find(request.upstream, by),
    });
    if (!translation.outcome) return translation.reply;
    await this.sent.recordOutcome(request.upstream, translation.outcome);
    try {
      await this.rpc.request(Subjects.orders.applyOutcome, { upstream: request.upstream, reference: translation.outcome.reference, outcome: translation.outcome });
    } catch (error) {
      this.logger.warn(`callback outcome for ${translation.outcome.reference} not applied yet: ${(error as Error).message}`);
      return { status: 503, body: { message: 'Temporarily unable to process; please retry' } };
    }
    return translation.reply;
  }
}
