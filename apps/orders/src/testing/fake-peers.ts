import { Controller, Inject, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import { Subjects } from '@airtime/contracts';
import { JsonLogger, natsServers, PlatformError, RpcErrorFilter } from '@airtime/platform';

type Answer = (payload: Record<string, unknown>) => unknown;

/**
 * wallet and provider-adapters as orders sees them, on real NATS under the test's subject prefix:
 * each subject answers what the test says (a PlatformError thrown crosses the wire as the real
 * service's would), and every request is kept for the test to read. A subject nobody set up answers
 * SERVICE_UNAVAILABLE, as a peer that is down would.
 */
export class FakePeers {
  readonly requests: { subject: string; payload: Record<string, unknown> }[] = [];
  private readonly answers = new Map<string, Answer>();
  private app?: INestMicroservice;

  on(subject: string, answer: Answer): this {
    this.answers.set(subject, answer);
    return this;
  }

  to(subject: string): Record<string, unknown>[] {
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
    const logger = new JsonLogger('orders', 'silent');
    this.app = await NestFactory.createMicroservice<MicroserviceOptions>(FakePeersModule.with(this), {
      transport: Transport.NATS,
      options: { servers: natsServers(natsUrl), name: 'orders-fake-peers' },
      logger,
    });
    this.app.useGlobalFilters(new RpcErrorFilter(logger));
    await this.app.listen();
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }
}

@Controller()
class FakePeersController {
  constructor(@Inject(FakePeers) private readonly peers: FakePeers) {}

  @MessagePattern(Subjects.wallet.debit)
  debit(@Payload() payload: Record<string, unknown>) {
    return this.peers.answer(Subjects.wallet.debit, payload);
  }

  @MessagePattern(Subjects.wallet.refund)
  refund(@Payload() payload: Record<string, unknown>) {
    return this.peers.answer(Subjects.wallet.refund, payload);
  }

  @MessagePattern(Subjects.providerAdapters.dispatch)
  dispatch(@Payload() payload: Record<string, unknown>) {
    return this.peers.answer(Subjects.providerAdapters.dispatch, payload);
  }

  @MessagePattern(Subjects.providerAdapters.query)
  query(@Payload() payload: Record<string, unknown>) {
    return this.peers.answer(Subjects.providerAdapters.query, payload);
  }
}

@Module({})
class FakePeersModule {
  static with(peers: FakePeers) {
    return { module: FakePeersModule, controllers: [FakePeersController], providers: [{ provide: FakePeers, useValue: peers }] };
  }
}
