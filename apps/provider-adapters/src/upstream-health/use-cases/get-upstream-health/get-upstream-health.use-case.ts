import { Injectable } from '@nestjs/common';
import { API_KEY_MODES, type ApiKeyMode, UPSTREAM_IDS, type UpstreamHealthView, type UpstreamId } from '@airtime/contracts';
import { DispatchService } from '../../../recharge/dispatch.service.js';
import { type DispatchHealthRow, SentDispatches } from '../../../recharge/sent-dispatches.js';
import { type FloatReading, UpstreamFloats } from '../../upstream-floats.js';
import type { GetUpstreamHealthCommand } from './get-upstream-health.command.js';

const NO_FLOAT: FloatReading = { float: null, float_error: null };

/**
 * Every upstream in both modes, traffic or not: its sends answered over the window (one query on
 * `dispatches`), this replica's circuit, and its float where the adapter can read one.
 */
@Injectable()
export class GetUpstreamHealthUseCase {
  constructor(
    private readonly sent: SentDispatches,
    private readonly dispatch: DispatchService,
    private readonly floats: UpstreamFloats,
  ) {}

  async execute(command: GetUpstreamHealthCommand): Promise<UpstreamHealthView[]> {
    const pairs = UPSTREAM_IDS.flatMap((upstream) => API_KEY_MODES.map((mode) => [upstream, mode] as const));
    const [rows, floats] = await Promise.all([this.sent.health(command.windowMinutes), Promise.all(pairs.map(([upstream, mode]) => this.floatOf(upstream, mode)))]);
    const byPair = new Map(rows.map((row) => [`${row.upstream}:${row.mode}`, row]));
    return pairs.map(([upstream, mode], i) => this.view(upstream, mode, command.windowMinutes, byPair.get(`${upstream}:${mode}`), floats[i] as FloatReading));
  }

  /** Our float with `upstream` in `mode`, where its adapter can read one (cached per UpstreamFloats). */
  floatOf(upstream: UpstreamId, mode: ApiKeyMode): Promise<FloatReading> {
    const adapter = this.dispatch.adapter(upstream);
    if (!adapter?.float) return Promise.resolve(NO_FLOAT);
    return this.floats.of(upstream, mode, () => (adapter.float as NonNullable<typeof adapter.float>).call(adapter, mode));
  }

  private view(upstream: UpstreamId, mode: ApiKeyMode, windowMinutes: number, row: DispatchHealthRow | undefined, float: FloatReading): UpstreamHealthView {
    const sent = row?.sent ?? 0;
    const succeeded = row?.succeeded ?? 0;
    const failed = row?.failed ?? 0;
    const unknown = row?.unknown ?? 0;
    const answered = succeeded + failed + unknown;
    return {
      upstream,
      mode,
      circuit: this.dispatch.circuitState(upstream, mode),
      window_minutes: windowMinutes,
      sent,
      succeeded,
      failed,
      unknown,
      success_rate: answered ? Math.round((succeeded / answered) * 10_000) / 10_000 : null,
      p50_ms: sent && row?.p50_ms != null ? Math.round(row.p50_ms) : null,
      p99_ms: sent && row?.p99_ms != null ? Math.round(row.p99_ms) : null,
      ...float,
      last_insufficient_balance_at: row?.last_insufficient_balance_at ? new Date(row.last_insufficient_balance_at).toISOString() : null,
    };
  }
}
