// Shared Jest settings. The stack (NestJS 12, TypeORM 1, Apollo 5) ships as ES modules, so tests run
// as ES modules too (node --experimental-vm-modules); swc compiles TypeScript with the decorator
// metadata Nest needs, and the tsconfig path aliases resolve to the libraries' sources.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

const moduleNameMapper = {
  ...Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
  ),
  // Sources import siblings as './x.js' (ES module rule); Jest must find the .ts behind them.
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

export default {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  setupFiles: [path.join(root, 'tools/jest/setup-env.js')],
};
