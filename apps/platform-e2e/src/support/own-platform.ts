import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type RunningPlatform, startPlatform } from './platform-processes.js';

/**
 * A platform of this test file's own, for flows that stop and start services: the shared one must
 * not be disturbed. Call before any other helper: the helpers then talk to this platform.
 */
export async function ownPlatform(options: Parameters<typeof startPlatform>[0]): Promise<RunningPlatform> {
  const platform = await startPlatform(options);
  const stateFile = path.join(platform.state.logDir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(platform.state));
  process.env['E2E_STATE_FILE'] = stateFile;
  return platform;
}
