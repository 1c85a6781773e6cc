import type { LoggerService, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { OutboxRelay, type OutboxRow } from './outbox-relay.js';

export interface OutboxPublisherOptions {
  dataSource: DataSource;
  natsUrl: string;
  /** The outbox table, written in the same transaction as the change it announces. */
  table: string;
  stream: string;
  /** The event subject of a row; called with `'*', '*'` for the stream's subjects. */
  subject: (account: string, kind: string) => string;
  /** The row's columns that fill the subject: the account and the event's kind. */
  columns: [account: string, kind: string];
  /**
   * The column whose rows keep their order on the stream (see `OutboxRelay`): by default the
   * account's, so an account's subscribers see its events in the order they were written.
   */
  orderKey?: string;
  /** The stream's replicas (NATS_STREAM_REPLICAS); see OutboxRelayOptions. */
  streamReplicas?: number;
  flushMs: number;
  logger: LoggerService;
}

/**
 * A service's events, from its outbox table to its JetStream stream (`OutboxRelay`), started and
 * stopped with the service; `nudge()` after a write publishes within a few milliseconds instead of at
 * the next timed flush.
 */
export abstract class OutboxPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  protected constructor({ subject, columns: [account, kind], orderKey = account, ...options }: OutboxPublisherOptions) {
    this.relay = new OutboxRelay({
      ...options,
      orderKey,
      // `<prefix><service>.events.*.*` becomes `<prefix><service>.events.>`: every account, every kind.
      streamSubjects: [subject('*', '*').replace(/\*\.\*$/, '>')],
      subjectOf: (row: OutboxRow) => subject(String(row[account]), String(row[kind])),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  nudge(): void {
    this.relay.nudge();
  }
}
