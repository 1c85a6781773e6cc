import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rows } from '@airtime/platform';

/** Why a callback moved nothing (see callback-confirmation.ts and CallbacksController). */
export type CallbackRefusal =
  | 'no-callbacks'
  | 'missing-secret'
  | 'wrong-secret'
  | 'malformed'
  | 'unknown-transaction'
  | 'does-not-match-dispatch'
  | 'not-confirmed-yet'
  | 'contradicted-by-query';

export interface RefusedCallbackCount {
  upstream: string;
  reason: CallbackRefusal;
  count: string;
  first_refused_at: Date;
  last_refused_at: Date;
  last_reference: string | null;
}

/**
 * Counts refused callbacks per upstream and reason in `provider_adapters.refused_callbacks` (shared
 * by replicas, kept across restarts) and logs each as a warning. Never given secrets or bodies.
 */
@Injectable()
export class RefusedCallbacks {
  private readonly logger = new Logger(RefusedCallbacks.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(upstream: string, reason: CallbackRefusal, details: { reference?: string | null; sourceIp?: string; claimed?: string | null; queried?: string | null } = {}): Promise<void> {
    this.logger.warn({ msg: 'upstream callback refused', upstream, reason, reference: details.reference ?? null, source_ip: details.sourceIp ?? null, claimed: details.claimed ?? null, queried: details.queried ?? null });
    try {
      await this.dataSource.query(
        `INSERT INTO refused_callbacks (upstream, reason, count, last_reference) VALUES ($1, $2, 1, $3)
         ON CONFLICT (upstream, reason) DO UPDATE SET count = refused_callbacks.count + 1, last_refused_at = now(), last_reference = EXCLUDED.last_reference`,
        [upstream, reason, details.reference ?? null],
      );
    } catch (error) {
      // Counting must not turn a refusal into an error the caller could learn from.
      this.logger.warn(`refused callback not counted: ${(error as Error).message}`);
    }
  }

  list(): Promise<RefusedCallbackCount[]> {
    return rows<RefusedCallbackCount>(this.dataSource, `SELECT * FROM refused_callbacks ORDER BY upstream, reason`, []);
  }
}
