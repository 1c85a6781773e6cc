import { Global, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Subjects } from '@airtime/contracts';
import { OutboxRelay } from '@airtime/platform';
import { WalletConfig } from '../config/wallet.config.js';

/** Wallet events, from the wallet_events outbox to the stream `<prefix>WALLET`. */
@Injectable()
export class WalletEventsPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@InjectDataSource() dataSource: DataSource, config: WalletConfig) {
    this.relay = new OutboxRelay({
      dataSource,
      natsUrl: config.NATS_URL,
      table: 'wallet_events',
      stream: Subjects.wallet.eventsStream(),
      streamSubjects: [Subjects.wallet.events('*', '*').replace(/\*\.\*$/, '>')],
      subjectOf: (row) => Subjects.wallet.events(String(row['account_id']), String(row['type'])),
      flushMs: 500,
      logger: new Logger(WalletEventsPublisher.name),
    });
  }

  onApplicationBootstrap() {
    return this.relay.start();
  }

  onApplicationShutdown() {
    return this.relay.stop();
  }

  nudge(): void {
    this.relay.nudge();
  }
}

@Global()
@Module({ providers: [WalletEventsPublisher], exports: [WalletEventsPublisher] })
export class WalletEventsModule {}
