import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DispatchOutcome, DispatchRequest, UpstreamId } from '@airtime/contracts';
import { preparedRows, rows } from '@airtime/platform';
import type { SentDispatch } from './upstream-adapter.js';

/** One upstream and mode's sends over a window, as SentDispatches.health reads them. */
export interface DispatchHealthRow {
  upstream: string;
  mode: string;
  sent: number;
  succeeded: number;
  failed: number;
  unknown: number;
  p50_ms: number | null;
  p99_ms: number | null;
  last_insufficient_balance_at: Date | null;
}

/** The adapters' own record of what they sent, kept in provider-adapters' schema. */
@Injectable()
export class SentDispatches {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordSending(request: DispatchRequest): Promise<void> {
    await preparedRows(
      this.dataSource,
      `INSERT INTO dispatches (upstream, reference, mode, target, currency, amount_minor)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (upstream, reference) DO UPDATE SET updated_at = now()`,
      [request.upstream, request.reference, request.mode, request.target, request.currency, request.amount_minor],
    );
  }

  /**
   * A send's answer (with `sendLatencyMs`, how long the adapter took: it stamps `answered_at`, which
   * the health window counts by) or a later word on it (a callback: status and codes only).
   */
  async recordOutcome(upstream: UpstreamId, outcome: DispatchOutcome, sendLatencyMs?: number): Promise<void> {
    const answered = sendLatencyMs !== undefined;
    await preparedRows(
      this.dataSource,
      `UPDATE dispatches SET status = $3, provider_ref = coalesce($4, provider_ref),
         error_code = CASE WHEN $7 THEN $5 ELSE coalesce($5, error_code) END,
         upstream_code = CASE WHEN $7 THEN $6 ELSE coalesce($6, upstream_code) END,
         latency_ms = CASE WHEN $7 THEN $8::integer ELSE latency_ms END,
         answered_at = CASE WHEN $7 THEN now() ELSE answered_at END,
         updated_at = now()
       WHERE upstream = $1 AND reference = $2`,
      [upstream, outcome.reference, outcome.status, outcome.provider_ref, outcome.error_code ?? null, outcome.upstream_code ?? null, answered, answered ? Math.max(0, Math.round(sendLatencyMs)) : null],
    );
  }

  /**
   * Per upstream and mode: the sends answered in the last `windowMinutes` by how they stand now (a
   * pending answer a callback settled counts as settled), their latency's median and 99th percentile,
   * and the last refusal for want of our float at any age. Pairs with neither are absent.
   */
  async health(windowMinutes: number): Promise<DispatchHealthRow[]> {
    return rows<DispatchHealthRow>(
      this.dataSource,
      `WITH recent AS (
         SELECT upstream, mode,
                count(*)::int AS sent,
                (count(*) FILTER (WHERE status = 'success'))::int AS succeeded,
                (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
                (count(*) FILTER (WHERE status NOT IN ('success', 'failed')))::int AS unknown,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50_ms,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99_ms
           FROM dispatches
          WHERE answered_at >= now() - make_interval(mins => $1::int)
          GROUP BY upstream, mode
       ), short_of_float AS (
         SELECT upstream, mode, max(answered_at) AS last_insufficient_balance_at
           FROM dispatches
          WHERE error_code = 'INSUFFICIENT_UPSTREAM_BALANCE'
          GROUP BY upstream, mode
       )
       SELECT upstream, mode, coalesce(sent, 0) AS sent, coalesce(succeeded, 0) AS succeeded, coalesce(failed, 0) AS failed,
              coalesce(unknown, 0) AS unknown, p50_ms, p99_ms, last_insufficient_balance_at
         FROM recent FULL JOIN short_of_float USING (upstream, mode)`,
      [windowMinutes],
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
