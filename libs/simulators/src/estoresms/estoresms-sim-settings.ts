import { simulatorTiming, type SimulatorTiming } from '../simulator-timing.js';

/**
 * The one eStoreSMS account the simulator knows, from the environment with development defaults (a
 * simulator never moves money, so it may start on them anywhere; the adapter must be given the same).
 */
export interface EstoresmsSimSettings extends SimulatorTiming {
  /** The account's Airtime/Data API token (SIM_ESTORESMS_TOKEN). */
  token: string;
  /** The account's email address (SIM_ESTORESMS_EMAIL). */
  email: string;
  /** The account's username (SIM_ESTORESMS_USERNAME). */
  username: string;
  /** The account's password, for smsapi.php's balance (SIM_ESTORESMS_PASSWORD). */
  password: string;
  /** Whether the API token is enabled in settings; `false` answers P010 (SIM_ESTORESMS_TOKEN_ENABLED). */
  tokenEnabled: boolean;
  /** The wallet the PINs are paid from, in kobo (SIM_ESTORESMS_BALANCE, in naira). */
  balanceKobo: number;
}

export const ESTORESMS_SIM_DEFAULTS = {
  SIM_ESTORESMS_TOKEN: 'sim-estoresms-token',
  SIM_ESTORESMS_EMAIL: 'sim@example.com',
  SIM_ESTORESMS_USERNAME: 'simuser',
  SIM_ESTORESMS_PASSWORD: 'sim-estoresms-password',
  SIM_ESTORESMS_TOKEN_ENABLED: 'true',
  SIM_ESTORESMS_BALANCE: '10000000',
} as const;

export function estoresmsSimSettings(env: NodeJS.ProcessEnv = process.env): EstoresmsSimSettings {
  const read = (name: keyof typeof ESTORESMS_SIM_DEFAULTS): string => {
    const value = env[name];
    return value === undefined || value === '' ? ESTORESMS_SIM_DEFAULTS[name] : value;
  };
  const balance = Number(read('SIM_ESTORESMS_BALANCE'));
  if (!Number.isFinite(balance) || balance < 0) throw new Error('SIM_ESTORESMS_BALANCE must be a non-negative amount in naira');
  return {
    ...simulatorTiming(env),
    token: read('SIM_ESTORESMS_TOKEN'),
    email: read('SIM_ESTORESMS_EMAIL'),
    username: read('SIM_ESTORESMS_USERNAME'),
    password: read('SIM_ESTORESMS_PASSWORD'),
    tokenEnabled: read('SIM_ESTORESMS_TOKEN_ENABLED').toLowerCase() !== 'false',
    balanceKobo: Math.round(balance * 100),
  };
}
