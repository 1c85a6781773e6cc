import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Subjects } from '@airtime/contracts';
import { OutboxPublisher } from '@airtime/platform';
import { WalletConfig } from '../config/wallet.config.js';

/** Wallet events, from the wallet_events outbox to the stream `<prefix>WALLET` on `<prefix>wallet.events.<account>.<type>`. */
@Injectable()
export class WalletEventsPublisher extends OutboxPublisher {
  constructor(@InjectDataSource() dataSource: DataSource, config: WalletConfig) {
    super({
      dataSource,
      natsUrl: config.NATS_URL,
      streamReplicas: config.NATS_STREAM_REPLICAS,
      table: 'wallet_events',
      stream: Subjects.wallet.eventsStream(),
      subject: Subjects.wallet.events,
      columns: ['account_id', 'type'],
      flushMs: 500,
      logger: new Logger(WalletEventsPublisher.name),
    });
  }
}

@Global()
@Module({ providers: [WalletEventsPublisher], exports: [WalletEventsPublisher] })
export class WalletEventsModule {}
