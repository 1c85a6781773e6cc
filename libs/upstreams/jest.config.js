import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: 'upstreams',
  rootDir: path.dirname(fileURLToPath(import.meta.url)),
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
