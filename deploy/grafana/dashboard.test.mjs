// The Grafana dashboard names only series the code defines: every airtime_* metric in its queries is
// one declared with counter(), histogram() or scrapedGauge() (libs/platform/src/metrics) somewhere in
// apps/ or libs/, so a renamed metric cannot leave a silently empty panel. Run: node --test deploy/grafana/
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* sources(file);
    else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) yield file;
  }
}

it('queries only metrics the code defines, with their histogram suffixes', () => {
  const defined = new Set();
  for (const dir of ['apps', 'libs']) {
    for (const file of sources(path.join(ROOT, dir))) {
      for (const [, kind, name] of readFileSync(file, 'utf8').matchAll(/\b(counter|histogram|scrapedGauge)\('([a-z0-9_]+)'/g)) {
        const full = `airtime_${name}`;
        if (kind === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) defined.add(full + suffix);
        else defined.add(full);
      }
    }
  }
  const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'deploy/grafana/airtime.json'), 'utf8'));
  const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  assert.ok(exprs.length > 10);
  const used = new Set(exprs.flatMap((expr) => expr.match(/\bairtime_[a-z0-9_]+/g) ?? []));
  assert.deepEqual([...used].filter((name) => !defined.has(name)), []);
  // Every panel reads the chosen Prometheus.
  for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) assert.equal(panel.datasource.uid, '${datasource}', panel.title);
});
