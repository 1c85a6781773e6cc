import { randomInt } from 'node:crypto';

// No 0/O or 1/I: references get read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** TOP- and twelve characters: ~60 bits, unguessable, short enough to quote to support. */
export function generateTopUpReference(): string {
  let reference = 'TOP-';
  for (let i = 0; i < 12; i++) reference += ALPHABET[randomInt(ALPHABET.length)];
  return reference;
}
