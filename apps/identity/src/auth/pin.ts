import argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/**
 * A random numeric PIN, never one of the guessable patterns (all one digit, a straight run up or
 * down) that make a 4-digit PIN's 10,000 possibilities fewer in practice.
 */
export function generatePin(length: number, random: (max: number) => number = randomInt): string {
  for (;;) {
    const pin = Array.from({ length }, () => String(random(10))).join('');
    if (!isGuessablePin(pin)) return pin;
  }
}

export function isGuessablePin(pin: string): boolean {
  const d = pin.split('').map(Number);
  const steps = new Set(d.slice(1).map((v, i) => v - (d[i] as number)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] as number);
}

/** argon2id with the library's defaults (64 MiB, 3 passes): a stolen table of PIN hashes stays costly. */
export function hashPin(pin: string): Promise<string> {
  return argon2.hash(pin, { type: argon2.argon2id });
}

export async function verifyPin(hash: string, pin: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, pin);
  } catch {
    return false;
  }
}
