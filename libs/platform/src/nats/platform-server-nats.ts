import { ServerNats, type NatsContext } from '@nestjs/microservices';
import type { Histogram } from 'prom-client';
import { histogram, LabelledChildren } from '../metrics/metrics.js';

type NatsMsg = Parameters<ServerNats['getPublisher']>[0];

/** Handled requests per subject: the count is the rate, `outcome` splits errors (INTERNAL) from refusals (any other PlatformError). */
const rpcDuration = histogram('rpc_server_duration_seconds', 'NATS requests handled by this service, by subject and outcome (ok, refused, error), from decoding to the reply', ['subject', 'outcome']);
const rpcChildren = new LabelledChildren<Histogram.Internal<'subject' | 'outcome'>>((subject, outcome) => rpcDuration.labels(subject, outcome));

function outcomeOf(err: unknown): 'ok' | 'refused' | 'error' {
  if (err === undefined) return 'ok';
  return (err as { code?: string } | null)?.code === 'INTERNAL' ? 'error' : 'refused';
}

/**
 * Nest's NATS server, with the route of each subscribed subject worked out once. Nest finds a
 * message's handler by first trying the subject as JSON (an object pattern), which throws and
 * catches an exception for every plain subject, on every message; the subjects are the service's
 * own fixed set, so the answer never changes.
 */
export class PlatformServerNats extends ServerNats {
  private readonly routes = new Map<string, string>();
  private connected = false;
  private closing = false;

  constructor(options: ConstructorParameters<typeof ServerNats>[0]) {
    super(options);
    // For /readyz: this process's own connection (a NATS health request would reach any replica).
    this._status$.subscribe((status) => (this.connected = status === 'connected' && !this.closing));
  }

  override async close(): Promise<void> {
    // Draining is not ready: from SIGTERM on, /readyz says so while in-flight work finishes.
    this.closing = true;
    this.connected = false;
    await super.close();
  }

  override getRouteFromPattern(pattern: string): string {
    let route = this.routes.get(pattern);
    if (route === undefined) {
      route = super.getRouteFromPattern(pattern);
      // Patterns come from our own subscriptions, never from a message; the bound is only a guard.
      if (this.routes.size < 10_000) this.routes.set(pattern, route);
    }
    return route;
  }

  /** Times each request from here (it is asked for as the request is decoded) to its reply or error. */
  override getPublisher(natsMsg: NatsMsg, id: string, ctx: NatsContext): (response: { err?: unknown; isDisposed?: boolean }) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    const started = performance.now();
    const subject = natsMsg.subject;
    let observed = false;
    return (packet) => {
      if (!observed && (packet.err !== undefined || packet.isDisposed)) {
        observed = true;
        rpcChildren.get(subject, outcomeOf(packet.err)).observe((performance.now() - started) / 1000);
      }
      return publish(packet);
    };
  }

  /** Whether this process holds its NATS connection now (its queue subscriptions ride on it). */
  isConnected(): boolean {
    return this.connected;
  }
}
