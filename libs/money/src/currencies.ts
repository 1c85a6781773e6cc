export interface Currency {
  /** ISO 4217 minor unit: how many decimal places the major unit has (2 means amounts are in cents). */
  readonly exponent: number;
  readonly name: string;
}

/**
 * Currencies we hold balances and price products in, keyed by ISO 4217 code. The exponent fixes what
 * one unit of a stored bigint means, so changing it for an existing currency corrupts every amount.
 */
export const CURRENCIES = {
  USD: { exponent: 2, name: 'US Dollar' },
  ZWG: { exponent: 2, name: 'Zimbabwe Gold' },
  KES: { exponent: 2, name: 'Kenyan Shilling' },
  NGN: { exponent: 2, name: 'Nigerian Naira' },
  SDG: { exponent: 2, name: 'Sudanese Pound' },
  ZAR: { exponent: 2, name: 'South African Rand' },
} as const satisfies Record<string, Currency>;

export type CurrencyCode = keyof typeof CURRENCIES;
