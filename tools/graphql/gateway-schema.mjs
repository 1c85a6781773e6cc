// Writes apps/gateway/schema.graphql from the gateway's code, or with --check fails when the committed
// file differs from it. Runs on the compiled gateway (nx: gateway:schema and gateway:schema-check
// depend on gateway:build): the schema comes from TypeScript's decorator metadata, which only tsc
// emits as the running gateway has it (swc, which Jest uses, cannot see through imported type aliases).
//
// --check also starts the gateway's module graph as main.ts does (needs NATS and Redis, as every
// gateway test does) and compares the schema it serves with the generated one, so a resolver or
// schema option the generator missed cannot hide behind an up-to-date file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/apps/gateway');
const compiled = path.join(dist, 'apps/gateway/src/graphql/schema-file.js');
if (!existsSync(compiled)) {
  console.error(`${path.relative(root, compiled)} is missing: build the gateway first (npx nx run gateway:build), or run this through nx.`);
  process.exit(2);
}
register(new URL('alias-hooks.js', `file://${dist}/`).href, import.meta.url);
await import('reflect-metadata');
const { SCHEMA_FILE, schemaFileText, schemaFromCode, schemaOfApp } = await import(compiled);

const check = process.argv.includes('--check');
const file = path.join(root, SCHEMA_FILE);
const generated = schemaFileText(await schemaFromCode());

if (!check) {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, generated);
  console.log(before === generated ? `${SCHEMA_FILE} is up to date` : `wrote ${SCHEMA_FILE}`);
  process.exit(0);
}

/** A unified diff of two texts (git's, which CI and every developer have), at most 80 lines of it. */
function diff([before, after], expected, actual) {
  const dir = path.join(root, 'tmp/gateway-schema');
  mkdirSync(dir, { recursive: true });
  const [a, b] = [path.join(dir, 'a.graphql'), path.join(dir, 'b.graphql')];
  writeFileSync(a, expected);
  writeFileSync(b, actual);
  const out = spawnSync('git', ['diff', '--no-index', '--no-color', '--src-prefix=', '--dst-prefix=', a, b], { encoding: 'utf8' }).stdout ?? '';
  const lines = out.split('\n').slice(4).filter(Boolean);
  const shown = lines.slice(0, 80).join('\n');
  return `--- ${before}\n+++ ${after}\n${shown}${lines.length > 80 ? `\n… ${lines.length - 80} more lines` : ''}`;
}

const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (committed !== generated) {
  console.error(`${SCHEMA_FILE} differs from the schema the gateway's code defines.
Run \`npx nx run gateway:schema\` and commit ${SCHEMA_FILE} with your change (frontend teams review and codegen against it).

${diff([`${SCHEMA_FILE} (committed)`, 'generated from the code'], committed, generated)}`);
  process.exit(1);
}

let served;
try {
  served = schemaFileText(await schemaOfApp());
} catch (error) {
  console.error(`Could not start the gateway's module graph to compare the schema it serves (NATS and Redis must run: bash tools/infra/ensure-infra.sh):\n${error?.stack ?? error}`);
  process.exit(1);
}
if (served !== generated) {
  console.error(`The schema a started gateway serves differs from what tools/graphql/gateway-schema.mjs generates: the generator
(apps/gateway/src/graphql/schema-file.ts) misses something the app builds (a schema option set outside schema-build.ts, a
resolver provided some other way). Fix the generator, then run \`npx nx run gateway:schema\`.

${diff(['generated', 'served by the app'], generated, served)}`);
  process.exit(1);
}
console.log(`${SCHEMA_FILE} matches the code and the schema the gateway serves`);
process.exit(0);
