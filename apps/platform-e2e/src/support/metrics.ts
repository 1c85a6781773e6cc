import { e2eState } from './e2e-state.js';

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One app's Prometheus text from its internal METRICS_PORT, parsed into series. */
export async function scrape(app: string): Promise<{ text: string; series: Series[] }> {
  const response = await fetch(`${e2eState().metricsUrls[app]}/metrics`);
  if (response.status !== 200) throw new Error(`${app} /metrics answered ${response.status}`);
  const text = await response.text();
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    series.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return { text, series };
}

/** The sum of the series called `name` whose labels include `labels`. */
export function total(series: Series[], name: string, labels: Record<string, string> = {}): number {
  return series
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
