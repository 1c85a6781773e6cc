import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DispatchOutcome, DispatchRequest, UpstreamId } from '@airtime/contracts';
import { rows } from '@airtime/platform';
import type { SentDispatch } from './upstream-adapter.js';

/** The adapters' own record of what they sent, kept in provider-adapters' schema. */
@Injectable()
export class SentDispatches {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordSending(request: DispatchRequest): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dispatches (upstream, reference, mode, target, currency, amount_minor)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (upstream, reference) DO UPDATE SET updated_at = now()`,
      [request.upstream, request.reference, request.mode, request.target, request.currency, request.amount_minor],
    );
  }

  async recordOutcome(upstream: UpstreamId, outcome: DispatchOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE dispatches SET status = $3, provider_ref = coalesce($4, provider_ref), updated_at = now() WHERE upstream = $1 AND reference = $2`,
      [upstream, outcome.reference, outcome.status, outcome.provider_ref],
    );
  }

  async find(upstream: UpstreamId, by: { reference?: string; providerRef?: string }): Promise<SentDispatch | null> {
    if (!by.reference && !by.providerRef) return null;
    const [found] = await rows<SentDispatch & { amount_minor: string }>(
      this.dataSource,
      by.reference
        ? `SELECT * FROM dispatches WHERE upstream = $1 AND reference = $2`
        : `SELECT * FROM dispatches WHERE upstream = $1 AND provider_ref = $2`,
      [upstream, by.reference ?? by.providerRef],
    );
    return found ? { ...found, amount_minor: String(found.amount_minor) } : null;
  }
}
