import { generatePin, hashPin, isGuessablePin, verifyPin } from './pin.js';

describe('PINs', () => {
  it('are numeric, of the configured length', () => {
    for (const length of [4, 6, 8]) {
      for (let i = 0; i < 50; i++) expect(generatePin(length)).toMatch(new RegExp(`^\\d{${length}}$`));
    }
  });

  it('are never a guessable pattern', () => {
    const queue = [1, 1, 1, 1, /* 1111 refused */ 1, 2, 3, 4, /* 1234 refused */ 4, 3, 2, 1, /* 4321 refused */ 5, 0, 9, 2];
    expect(generatePin(4, () => queue.shift() as number)).toBe('5092');
    expect(isGuessablePin('0000')).toBe(true);
    expect(isGuessablePin('6789')).toBe(true);
    expect(isGuessablePin('9876')).toBe(true);
    expect(isGuessablePin('1357')).toBe(false);
    expect(isGuessablePin('1122')).toBe(false);
  });

  it('are hashed with argon2id, salted, and verify only with the right PIN', async () => {
    const hash = await hashPin('5092');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain('5092');
    expect(await hashPin('5092')).not.toBe(hash);
    expect(await verifyPin(hash, '5092')).toBe(true);
    expect(await verifyPin(hash, '5093')).toBe(false);
    expect(await verifyPin('not-a-hash', '5092')).toBe(false);
  });
});
