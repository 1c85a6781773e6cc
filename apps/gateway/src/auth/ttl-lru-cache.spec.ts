import { TtlLruCache } from './ttl-lru-cache.js';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TtlLruCache', () => {
  it('keeps at most maxEntries, dropping the least recently used first', () => {
    const time = clock();
    const cache = new TtlLruCache<number>(3, 60_000, time.now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });

  it('never grows past its bound however many keys are set', () => {
    const cache = new TtlLruCache<number>(100, 60_000);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get('k9999')).toBe(9999);
    expect(cache.get('k0')).toBeUndefined();
  });

  it('drops an entry ttlMs after it was set, however often it was read', () => {
    const time = clock();
    const cache = new TtlLruCache<string>(10, 30_000, time.now);
    cache.set('key', 'principal');
    for (let i = 0; i < 29; i++) {
      time.advance(1000);
      expect(cache.get('key')).toBe('principal');
    }
    time.advance(999);
    expect(cache.get('key')).toBe('principal');
    time.advance(1);
    expect(cache.get('key')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('restarts the lifetime when an entry is set again', () => {
    const time = clock();
    const cache = new TtlLruCache<string>(10, 1000, time.now);
    cache.set('key', 'old');
    time.advance(900);
    cache.set('key', 'new');
    time.advance(900);
    expect(cache.get('key')).toBe('new');
  });

  it('evicts one key, the entries whose value matches, or everything', () => {
    const cache = new TtlLruCache<{ id: string }>(10, 60_000);
    cache.set('h1', { id: 'k1' });
    cache.set('h2', { id: 'k2' });
    cache.set('h3', { id: 'k2' });
    cache.set('h4', { id: 'k4' });
    expect(cache.delete('h1')).toBe(true);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.deleteWhere((v) => v.id === 'k2')).toBe(2);
    expect([cache.get('h2'), cache.get('h3')]).toEqual([undefined, undefined]);
    expect(cache.get('h4')).toEqual({ id: 'k4' });
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('refuses bounds that would make it unbounded or useless', () => {
    expect(() => new TtlLruCache(0, 1000)).toThrow(RangeError);
    expect(() => new TtlLruCache(1.5, 1000)).toThrow(RangeError);
    expect(() => new TtlLruCache(10, 0)).toThrow(RangeError);
  });
});
