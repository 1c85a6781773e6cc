import { randomInt } from 'node:crypto';

/**
 * Account numbers look like 000's 9444-5339-1364: twelve digits in groups of four. The last digit is
 * a Luhn check digit so that a mistyped number is caught before it is looked up.
 */
export function generateAccountNumber(random: (max: number) => number = randomInt): string {
  let digits = String(1 + random(9));
  while (digits.length < 11) digits += String(random(10));
  return formatAccountNumber(digits + luhnCheckDigit(digits));
}

export function isValidAccountNumber(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}$/.test(value)) return false;
  const digits = value.replace(/-/g, '');
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

function formatAccountNumber(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}

function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
