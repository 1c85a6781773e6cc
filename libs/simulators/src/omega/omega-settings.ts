import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@airtime/phone';

/**
 * The simulated Omega's own account and server configuration, read from the environment when the
 * simulator starts. A simulator never moves money, so development defaults are fine anywhere; the
 * adapter must be given the same phone and PIN (OMEGA_PHONE, OMEGA_PIN).
 */
export interface OmegaSimSettings {
  /** The account's user, as international digits (263770000000). */
  phone: string;
  pin: string;
  /** Currencies the account has a wallet in; any other answers 422 "Wallet not found". */
  currencies: Set<string>;
  /** How long a JWT from PIN authentication lives. */
  tokenTtlSeconds: number;
  /** Signs the simulator's JWTs; random per start unless set, so tokens do not outlive a restart. */
  jwtSecret: string;
  /** 000: "rate-limited based on server configuration". 0 turns the limit off (the default). */
  rateLimit: number;
  rateLimitWindowSeconds: number;
  /** Transactions remembered for idempotency; the oldest are forgotten beyond this. */
  keepTransactions: number;
}

export const OMEGA_SIM_SETTINGS = Symbol('OMEGA_SIM_SETTINGS');

export function omegaSimSettings(env: NodeJS.ProcessEnv = process.env): OmegaSimSettings {
  const phone = normalizePhone(env['SIM_OMEGA_PHONE'] ?? '263770000000');
  if (!phone) throw new Error('SIM_OMEGA_PHONE must be a valid phone number');
  const pin = env['SIM_OMEGA_PIN'] ?? '4321';
  if (!/^\d{4,12}$/.test(pin)) throw new Error('SIM_OMEGA_PIN must be 4 to 12 digits');
  return {
    phone,
    pin,
    currencies: new Set(
      (env['SIM_OMEGA_CURRENCIES'] ?? 'USD,ZWG,ZWL')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
    tokenTtlSeconds: positiveInt(env, 'SIM_OMEGA_TOKEN_TTL_SECONDS', 3600, 1),
    jwtSecret: env['SIM_OMEGA_JWT_SECRET'] || randomBytes(32).toString('hex'),
    rateLimit: positiveInt(env, 'SIM_OMEGA_RATE_LIMIT', 0, 0),
    rateLimitWindowSeconds: positiveInt(env, 'SIM_OMEGA_RATE_LIMIT_WINDOW_SECONDS', 60, 1),
    keepTransactions: positiveInt(env, 'SIM_OMEGA_KEEP_TRANSACTIONS', 100_000, 1),
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return value;
}
