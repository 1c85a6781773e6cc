import { Controller, Inject, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import type { RpcDef } from '@airtime/contracts';
import { JsonLogger } from '../logging/json-logger.js';
import { PlatformError } from '../errors/platform-error.js';
import { natsServers } from '../nats/create-rpc-client.js';
import { RpcErrorFilter } from '../nats/rpc-error.filter.js';

type Answer<Res> = (payload: Record<string, unknown>) => Res | Promise<Res>;
type AnyRpcDef = RpcDef<object, unknown>;

/**
 * Other services as the service under test sees them, on real NATS under the test's subject prefix:
 * each of `peers` (subject definitions) answers what the test says (a PlatformError thrown crosses the wire as the real
 * service's would), and every request is kept for the test to read. A subject the test did not set
 * up answers SERVICE_UNAVAILABLE, as a peer that is down would.
 */
export class FakePeers {
  readonly requests: { subject: string; payload: Record<string, unknown> }[] = [];
  private readonly answers = new Map<string, Answer<unknown>>();
  private readonly subjects: string[];
  private app?: INestMicroservice;

  constructor(peers: AnyRpcDef[]) {
    this.subjects = peers.map((def) => def.subject);
  }

  /** The payload is left loose: a fake peer sees what was sent, right or wrong. */
  on<Res>({ subject }: RpcDef<object, Res>, answer: Answer<Res>): this {
    if (!this.subjects.includes(subject)) throw new Error(`${subject} is not one of these fake peers' subjects`);
    this.answers.set(subject, answer);
    return this;
  }

  to({ subject }: AnyRpcDef): Record<string, unknown>[] {
    return this.requests.filter((r) => r.subject === subject).map((r) => r.payload);
  }

  reset(): void {
    this.requests.length = 0;
    this.answers.clear();
  }

  async answer(subject: string, payload: Record<string, unknown>): Promise<unknown> {
    this.requests.push({ subject, payload });
    const answer = this.answers.get(subject);
    if (!answer) throw new PlatformError('SERVICE_UNAVAILABLE', `nobody answers ${subject} in this test`);
    return answer(payload);
  }

  async start(natsUrl: string): Promise<void> {
    const logger = new JsonLogger('fake-peers', 'silent');
    this.app = await NestFactory.createMicroservice<MicroserviceOptions>(fakePeersModule(this, this.subjects), {
      transport: Transport.NATS,
      options: { servers: natsServers(natsUrl), name: 'fake-peers' },
      logger,
    });
    this.app.useGlobalFilters(new RpcErrorFilter(logger));
    await this.app.listen();
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }
}

/** A controller with one message handler per subject, each handing its payload to `peers`. */
function fakePeersModule(peers: FakePeers, subjects: string[]) {
  @Controller()
  class FakePeersController {
    constructor(@Inject(FakePeers) readonly peers: FakePeers) {}
  }
  const prototype = FakePeersController.prototype as unknown as Record<string, unknown>;
  subjects.forEach((subject, i) => {
    const key = `answer${i}`;
    prototype[key] = function (this: FakePeersController, payload: Record<string, unknown>) {
      return this.peers.answer(subject, payload);
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor;
    Payload()(prototype, key, 0);
    MessagePattern(subject)(prototype, key, descriptor);
  });

  @Module({ controllers: [FakePeersController], providers: [{ provide: FakePeers, useValue: peers }] })
  class FakePeersModule {}
  return FakePeersModule;
}
