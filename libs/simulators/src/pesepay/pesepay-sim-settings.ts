/**
 * The one merchant the simulated Pesepay knows, and where it is reached. The host gives them (the
 * provider-sim app from its validated config, a test from its own values); the adapter must be given
 * the same keys.
 */
export interface PesepaySimSettings {
  /** What a merchant sends bare as `authorization`. */
  integrationKey: string;
  /** AES-256 key of the payloads: 32 ASCII characters (see pesepay-cipher in @airtime/upstreams). */
  encryptionKey: string;
  /** How payers' browsers and pollers reach the simulator; redirectUrl and pollUrl are built on it. */
  publicUrl: string;
}

export const PESEPAY_SIM_SETTINGS = Symbol('PESEPAY_SIM_SETTINGS');
