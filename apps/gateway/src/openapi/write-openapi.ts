import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocumentFromCode, serializeOpenApi } from './openapi-from-code.js';

/**
 * `npx nx run gateway:openapi` writes apps/gateway/openapi.json from the code; with --check
 * (`gateway:openapi-check`) it only fails when the committed file differs from what the code generates.
 */
const file = path.resolve(process.cwd(), 'apps/gateway/openapi.json');
const generated = serializeOpenApi(await openApiDocumentFromCode());
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: reported below as a difference
  }
  if (committed !== generated) {
    console.error(`${path.relative(process.cwd(), file)} differs from what the code generates: run \`npx nx run gateway:openapi\` and commit it.`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), file)} is up to date`);
} else {
  writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
