import type { CountryCode } from './country-code.js';
import { COUNTRY_NUMBERING } from './country-numbering.js';
import { MOBILE_NETWORK_PREFIXES } from './mobile-network-prefixes.js';

// Guards the hand-maintained table: a typo here would silently route top-ups to the wrong network.
describe('MOBILE_NETWORK_PREFIXES', () => {
  const countries = Object.keys(MOBILE_NETWORK_PREFIXES) as CountryCode[];

  it.each(countries)('%s prefixes are national-number digits shorter than a full number', (country) => {
    const { nationalNumberLength } = COUNTRY_NUMBERING[country];
    for (const { prefixes } of MOBILE_NETWORK_PREFIXES[country]) {
      for (const prefix of prefixes) {
        expect(prefix).toMatch(/^[1-9]\d*$/);
        expect(prefix.length).toBeLessThan(nationalNumberLength);
      }
    }
  });

  it.each(countries)('%s gives every number at most one network', (country) => {
    const entries = MOBILE_NETWORK_PREFIXES[country].flatMap(({ network, prefixes }) =>
      prefixes.map((prefix) => ({ network, prefix })),
    );
    // Longest match would resolve nested blocks, but no two operators hold nested ranges in these
    // countries, so a duplicate or nested prefix here would be a typo.
    const clashes = entries.flatMap((a, i) =>
      entries
        .filter((b, j) => i !== j && b.prefix.startsWith(a.prefix))
        .map((b) => `${a.network}:${a.prefix} / ${b.network}:${b.prefix}`),
    );
    expect(clashes).toEqual([]);
  });
});
