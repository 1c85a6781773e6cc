import 'reflect-metadata';
import { cell } from './results-csv.js';

describe('a results.csv cell', () => {
  it('disarms what a spreadsheet would run as a formula', () => {
    expect(cell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(cell("+cmd|' /C calc'!A0")).toBe(`'+cmd|' /C calc'!A0`);
    expect(cell('-2+3+cmd')).toBe(`'-2+3+cmd`);
    expect(cell('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });

  it('keeps numbers and phone numbers as people write them, and quotes separators', () => {
    expect(cell('+263772279099')).toBe('+263772279099');
    expect(cell('+263 772 279 099')).toBe('+263 772 279 099');
    expect(cell('-5.00')).toBe('-5.00');
    expect(cell(42)).toBe('42');
    expect(cell('a;b')).toBe('"a;b"');
    expect(cell(null)).toBe('');
  });
});
