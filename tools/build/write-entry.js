// Writes dist/apps/<app>/main.js: it registers a resolve hook that maps the @airtime/* path aliases
// to the compiled libraries beside the app, then loads the app's compiled main. tsc leaves aliases in
// place, and Node does not read tsconfig paths.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Further arguments name more entry points under src/ (e.g. openapi/write-openapi), each written beside main.js.
const [app, ...entries] = process.argv.slice(2);
if (!app) throw new Error('usage: node tools/build/write-entry.js <app> [<entry under src/> ...]');
const out = path.join('dist', 'apps', app);
mkdirSync(out, { recursive: true });

writeFileSync(
  path.join(out, 'alias-hooks.js'),
  `// Only for this app's own modules: co-hosted apps (tools/co-host.mjs) each register theirs in one process.
const here = new URL('./', import.meta.url).href;
export async function resolve(specifier, context, next) {
  const match = /^@airtime\\/([a-z-]+)(\\/[a-z-]+)?$/.exec(specifier);
  if (match && (!context.parentURL || context.parentURL.startsWith(here))) return next(new URL(\`./libs/\${match[1]}/src\${match[2] ?? ''}/index.js\`, import.meta.url).href, context);
  return next(specifier, context);
}
`,
);
writeFileSync(
  path.join(out, 'main.js'),
  `import { register } from 'node:module';
register('./alias-hooks.js', import.meta.url);
await import('./apps/${app}/src/main.js');
`,
);
for (const entry of entries) {
  writeFileSync(
    path.join(out, `${path.basename(entry)}.js`),
    `import { register } from 'node:module';
register('./alias-hooks.js', import.meta.url);
await import('./apps/${app}/src/${entry}.js');
`,
  );
}
