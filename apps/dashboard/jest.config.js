import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preset from '../../jest.preset.js';

/** The dashboard's pure helpers (money display); its screens are tested in a real browser by platform-e2e. */
export default {
  ...preset,
  displayName: 'dashboard',
  rootDir: path.dirname(fileURLToPath(import.meta.url)),
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
