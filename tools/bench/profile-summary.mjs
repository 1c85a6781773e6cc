// Where the CPU went: a summary of each app's .cpuprofile (from `node tools/bench/orders.mjs --profile`),
// counting only the samples taken while orders were being sent, by function and by package.
//
//   node tools/bench/profile-summary.mjs <dir> [--top 25]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const dir = positionals[0];
const window = JSON.parse(readFileSync(path.join(dir, 'window.json'), 'utf8'));
const TOP = Number(args.top);

function packageOf(url) {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const app = /dist\/apps\/([^/]+)\//.exec(url);
  if (app) return `(ours: ${app[1]})`;
  return url.includes('/work/') ? '(ours)' : url;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const app = profile.nodes.map((n) => /dist\/apps\/([^/]+)\/main\.js/.exec(n.callFrame.url)?.[1]).find(Boolean)
    ?? (profile.nodes.some((n) => n.callFrame.url.includes('tools/bench')) ? 'bench client' : file);
  const self = new Map();
  const packages = new Map();
  let t = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < window.from || t > window.to) return;
    const node = byId.get(id);
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)' && false) return;
    total += dt;
    const key = `${name} ${packageOf(node.callFrame.url)}${node.callFrame.lineNumber >= 0 ? ':' + (node.callFrame.lineNumber + 1) : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const pkg = ['(garbage collector)', '(program)'].includes(name) ? name : packageOf(node.callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + dt);
  });
  const ms = (us) => (us / 1000).toFixed(0).padStart(6);
  console.log(`\n== ${app}: ${ms(total)} ms of CPU in the window (${file})`);
  console.log('  by package:');
  for (const [k, v] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`   ${ms(v)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log('  by function (self):');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`   ${ms(v)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
}
