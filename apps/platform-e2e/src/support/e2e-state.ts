import { readFileSync } from 'node:fs';

/** What global setup started, for the test files and for teardown. */
export interface E2eState {
  gatewayUrl: string;
  simUrl: string;
  databaseName: string;
  databaseUrl: string;
  subjectPrefix: string;
  jwtSecret: string;
  pesepayIntegrationKey: string;
  /** 32 characters, shared by the Pesepay simulator and the adapter. */
  pesepayEncryptionKey: string;
  /** Phones identity treats as platform operators; each test file onboards one of its own. */
  operatorPhones: string[];
  /** Each operator phone's TOTP secret (identity's OPERATOR_TOTP_SECRETS), as an authenticator app holds it. */
  operatorTotpSecrets: Record<string, string>;
  pids: Record<string, number>;
  /** Each app's internal metrics port (/metrics, /livez, /readyz), by app (its first instance). */
  metricsUrls: Record<string, string>;
  logDir: string;
}

let cached: E2eState | undefined;

export function e2eState(): E2eState {
  const file = process.env['E2E_STATE_FILE'];
  if (!file) throw new Error('E2E_STATE_FILE is not set: run the e2e tests through their jest config');
  cached ??= JSON.parse(readFileSync(file, 'utf8')) as E2eState;
  return cached;
}
