import { csvField, csvLine } from './csv.js';

describe('CSV', () => {
  it('leaves plain fields alone and quotes what needs quoting', () => {
    expect(csvField('USD')).toBe('USD');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('keeps negative amounts as numbers but disarms spreadsheet formulas', () => {
    expect(csvField('-500')).toBe('-500');
    expect(csvField('-5.00')).toBe('-5.00');
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, 2n, null])).toBe('a,1,2,\r\n');
  });
});
