import { ServerNats, type NatsContext } from '@nestjs/microservices';
import type { Histogram } from 'prom-client';
import type { MsgHdrs } from '@nats-io/transport-node';
import { histogram, LabelledChildren } from '../metrics/metrics.js';
import { IN_PROCESS_MAX_PAYLOAD, type InProcessServer, type ReplyPacket, serveCoHosted } from './co-hosting.js';

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
export class PlatformServerNats extends ServerNats implements InProcessServer {
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
    // Co-hosted callers go over NATS from now on, to a replica that is not closing.
    for (const subject of this.messageHandlers.keys()) serveCoHosted(subject, undefined);
    await super.close();
  }

  /** Subscribes as Nest does and, in a co-hosting process, offers each subject to its neighbours too. */
  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    super.bindEvents(client);
    for (const subject of this.messageHandlers.keys()) serveCoHosted(subject, this);
  }

  /**
   * A request from a co-hosted app, through the very path a NATS message takes (deserializer, guards,
   * interceptors, contract validation, filters, metrics): only the message is not a socket's. The body
   * is the JSON text the wire would carry, so caller and handler share no objects.
   */
  handleInProcess(subject: string, body: string, headers: MsgHdrs): Promise<ReplyPacket> {
    return new Promise((resolve, reject) => {
      const message = {
        subject,
        reply: '_IN_PROCESS',
        headers,
        json: () => JSON.parse(body) as unknown,
        respond: (data: string) => {
          // An answer NATS would refuse to carry fails here too, rather than only when co-hosted it does not.
          if (Buffer.byteLength(data) > IN_PROCESS_MAX_PAYLOAD) reject(new Error(`answer on ${subject} over ${IN_PROCESS_MAX_PAYLOAD} bytes`));
          else resolve(JSON.parse(data) as ReplyPacket);
          return true;
        },
      };
      this.handleMessage(subject, message as unknown as NatsMsg).catch(reject);
    });
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
