import { Counter, Gauge, Histogram, register } from 'prom-client';

/** Every series of ours starts with this; Node's own (process_*, nodejs_*) keep their standard names. */
export const METRIC_PREFIX = 'airtime_';

/**
 * Buckets (seconds) for request and upstream latencies: an RPC answers in a few ms, an order's POST
 * may wait up to ORDER_WAIT_MS (20 s) for its outcome, an upstream may take its full timeout.
 */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25];

/**
 * The metrics are module-level singletons in the process's default registry. Asking twice for one
 * name returns the first (a spec that loads a module twice, two apps in one test process) instead of
 * prom-client's "already registered" error.
 */
export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(METRIC_PREFIX + name) as Counter<L> | undefined) ?? new Counter({ name: METRIC_PREFIX + name, help, labelNames });
}

export function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets = LATENCY_BUCKETS): Histogram<L> {
  return (register.getSingleMetric(METRIC_PREFIX + name) as Histogram<L> | undefined) ?? new Histogram({ name: METRIC_PREFIX + name, help, labelNames, buckets });
}

/**
 * A gauge whose value is worked out when Prometheus scrapes (a cheap query, a breaker's state): `collect`
 * runs once per scrape, never on the hot path. Sources come and go with the objects that hold the state
 * (an OutboxRelay, a service instance), so a process with two of them (a test) reports both.
 */
export function scrapedGauge<L extends string>(name: string, help: string, labelNames: readonly L[]): ScrapedGauge<L> {
  const existing = register.getSingleMetric(METRIC_PREFIX + name) as (Gauge<L> & { sources?: Set<GaugeSource<L>> }) | undefined;
  if (existing?.sources) return new ScrapedGauge(existing, existing.sources);
  const sources = new Set<GaugeSource<L>>();
  const gauge = new Gauge<L>({
    name: METRIC_PREFIX + name,
    help,
    labelNames,
    async collect() {
      // Values vanish with their source: a stream no longer relayed must not report its last lag forever.
      this.reset();
      await Promise.all([...sources].map((source) => Promise.resolve(source(this)).catch(() => undefined)));
    },
  }) as Gauge<L> & { sources?: Set<GaugeSource<L>> };
  gauge.sources = sources;
  return new ScrapedGauge(gauge, sources);
}

export type GaugeSource<L extends string> = (gauge: Gauge<L>) => void | Promise<void>;

export class ScrapedGauge<L extends string> {
  constructor(
    readonly gauge: Gauge<L>,
    private readonly sources: Set<GaugeSource<L>>,
  ) {}

  /** Adds a source of values; the function returned removes it. */
  add(source: GaugeSource<L>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

/**
 * Children of a metric by up to three label values, looked up without building a key string:
 * prom-client's `labels(...)` hashes its arguments into a new string on every call, which is the one
 * allocation a hot path (every RPC, every order transition) can avoid.
 */
export class LabelledChildren<C> {
  private readonly children = new Map<string, Map<string, Map<string, C>>>();

  constructor(
    private readonly make: (a: string, b: string, c: string) => C,
    /** Distinct first labels kept; past it, values share `other` (a guard: label values are bounded already). */
    private readonly limit = 500,
  ) {}

  get(a: string, b: string, c = ''): C {
    let byB = this.children.get(a);
    if (!byB) {
      if (this.children.size >= this.limit) return this.get('other', b, c);
      byB = new Map();
      this.children.set(a, byB);
    }
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    let child = byC.get(c);
    if (!child) byC.set(c, (child = this.make(a, b, c)));
    return child;
  }
}

/**
 * One read for several gauges of one scrape: calls while a read is under way share it, so a query
 * behind three gauges runs once per scrape, not three times.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | undefined;
  return () => (reading ??= read().finally(() => (reading = undefined)));
}
