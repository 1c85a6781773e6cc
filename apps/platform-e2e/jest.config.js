import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preset from '../../jest.preset.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * End-to-end flows over HTTP against the whole platform, started once per run from the built apps on
 * a fresh database and NATS subject prefix (see src/support/global-setup.js).
 */
export default {
  ...preset,
  displayName: 'platform-e2e',
  rootDir: here,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.js',
  globalTeardown: '<rootDir>/src/support/global-teardown.js',
  testTimeout: 30_000,
  maxWorkers: 2,
};
