import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startPlatform } from './platform-processes.js';

/**
 * Starts the whole platform once for the run (see platform-processes.js) and hands its addresses to
 * the test files through a state file.
 */
export default async function globalSetup() {
  const platform = await startPlatform({ label: 'e2e' });
  const stateFile = path.join(platform.state.logDir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(platform.state));
  // Workers are forked after global setup and inherit this.
  process.env.E2E_STATE_FILE = stateFile;
  globalThis.__E2E_PLATFORM__ = platform;
}
