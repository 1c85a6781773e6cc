import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { GatewayConfig } from '../config/gateway.config.js';
import type { Principal } from '../auth/principal.js';
import { requestOf } from '../auth/request-of.js';
import { clientAddress } from './client-address.js';
import { type ThrottlePolicy, Throttler } from './throttler.js';

/**
 * Upstreams post their callbacks from a few addresses, in volume: they get an allowance of their own
 * per address, so that nobody can turn forged callbacks into a flood of status queries to an upstream.
 */
const CALLBACK_PATHS = /^\/callbacks\//;

/**
 * A survey tool posts signed payouts without an API key, in bursts: an allowance per campaign and
 * address of its own, so a burst neither trips the anonymous ceiling nor lets a stranger hammer one
 * campaign's signature check from one address.
 */
const CAMPAIGN_PAYOUT_PATH = /^\/api\/v1\/campaigns\/([^/]{1,100})\/payouts\/?$/;

/**
 * A generous ceiling on everything else, so one tenant or one address cannot monopolise the gateway:
 * calls per account once authenticated (each top-level GraphQL field counts, aliases included), calls
 * per address otherwise. Runs after the guards, so it knows who is calling; the stricter limits on
 * recharges and on PIN attempts sit on their own routes.
 */
@Injectable()
export class ApiLimitInterceptor implements NestInterceptor {
  private readonly perAccount: ThrottlePolicy;
  private readonly perAddress: ThrottlePolicy;
  private readonly callbacks: ThrottlePolicy;
  private readonly payouts: ThrottlePolicy;

  constructor(
    private readonly throttler: Throttler,
    config: GatewayConfig,
  ) {
    const account = config.RATE_LIMIT_API_PER_MINUTE;
    const address = config.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
    this.perAccount = { name: 'api', points: account, durationSeconds: 60, refusal: `Too many requests: at most ${account} a minute per account` };
    this.perAddress = { name: 'anonymous', points: address, durationSeconds: 60, refusal: `Too many requests: at most ${address} a minute from one address` };
    const callbacks = config.RATE_LIMIT_CALLBACKS_PER_MINUTE;
    this.callbacks = { name: 'callbacks', points: callbacks, durationSeconds: 60, refusal: `Too many callbacks: at most ${callbacks} a minute from one address` };
    const payouts = config.RATE_LIMIT_CAMPAIGN_PAYOUTS_PER_MINUTE;
    this.payouts = { name: 'campaign-payouts', points: payouts, durationSeconds: 60, refusal: `Too many payout requests: at most ${payouts} a minute per campaign from one address` };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const type = context.getType<string>();
    const request = type === 'http' || type === 'graphql' ? requestOf(context) : undefined;
    // A subscription's connection authenticated once; its events are not requests.
    if (!request) return next.handle();
    if (CALLBACK_PATHS.test(request.path ?? '')) {
      await this.throttler.consume(this.callbacks, clientAddress(request));
      return next.handle();
    }
    const payout = request.method === 'POST' ? CAMPAIGN_PAYOUT_PATH.exec(request.path ?? '') : null;
    if (payout) {
      await this.throttler.consume(this.payouts, `${payout[1]}:${clientAddress(request)}`);
      return next.handle();
    }
    const principal = request.user as Principal | undefined;
    if (principal) await this.throttler.consume(this.perAccount, principal.accountId);
    else await this.throttler.consume(this.perAddress, clientAddress(request));
    return next.handle();
  }
}
