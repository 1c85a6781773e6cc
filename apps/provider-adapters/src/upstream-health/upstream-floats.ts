import { Injectable, Logger } from '@nestjs/common';
import type { ApiKeyMode, UpstreamHealthView, UpstreamId } from '@airtime/contracts';
import type { UpstreamFloat } from '../recharge/upstream-adapter.js';

/** A float read is kept this long: operators poll the health, and each read is a call to the upstream. */
export const FLOAT_FRESH_MS = 60_000;
/** A failed read is retried sooner, but not on every poll of a failing upstream. */
const FAILURE_FRESH_MS = 10_000;
/** The health answers without a float rather than wait longer; the read goes on and fills the cache. */
const WAIT_MS = 3_000;

export type FloatReading = Pick<UpstreamHealthView, 'float' | 'float_error'>;

interface Cached {
  reading: Promise<FloatReading>;
  /** Until when the reading may be answered (set once it settles). */
  freshUntil: number;
}

/**
 * Each upstream's float per mode, read through its adapter's balance call at most once a minute per
 * replica; concurrent asks share one read. A failed read is `float: null` with a short reason.
 */
@Injectable()
export class UpstreamFloats {
  private readonly logger = new Logger(UpstreamFloats.name);
  private readonly cache = new Map<`${UpstreamId}:${ApiKeyMode}`, Cached>();

  constructor(private readonly now: () => number = Date.now) {}

  async of(upstream: UpstreamId, mode: ApiKeyMode, read: () => Promise<UpstreamFloat>): Promise<FloatReading> {
    const key = `${upstream}:${mode}` as const;
    const cached = this.cache.get(key);
    if (cached && cached.freshUntil >= this.now()) return cached.reading;
    const entry: Cached = { reading: this.read(upstream, mode, read), freshUntil: Infinity };
    this.cache.set(key, entry);
    void entry.reading.then((reading) => {
      entry.freshUntil = this.now() + (reading.float ? FLOAT_FRESH_MS : FAILURE_FRESH_MS);
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<FloatReading>((resolve) => {
      timer = setTimeout(() => resolve({ float: null, float_error: `balance call took longer than ${WAIT_MS / 1000} s` }), WAIT_MS);
    });
    try {
      return await Promise.race([entry.reading, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async read(upstream: UpstreamId, mode: ApiKeyMode, read: () => Promise<UpstreamFloat>): Promise<FloatReading> {
    try {
      const float = await read();
      return { float: { ...float, checked_at: new Date(this.now()).toISOString() }, float_error: null };
    } catch (error) {
      const reason = (error as Error).message.slice(0, 120);
      this.logger.warn({ msg: 'float not read', upstream, mode, reason });
      return { float: null, float_error: reason };
    }
  }
}
