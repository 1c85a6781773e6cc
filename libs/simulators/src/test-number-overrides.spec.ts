import { overrideKeyOf, TestNumberOverrides } from './test-number-overrides.js';

describe('test-number overrides', () => {
  it('fall back to the shared table', () => {
    const overrides = new TestNumberOverrides();
    expect(overrides.of('263772220001')).toBe('reject');
    expect(overrides.of('263772279099')).toBe('success');
  });

  it('match a phone in its local or international form, whichever was set', () => {
    const overrides = new TestNumberOverrides();
    overrides.set('08031234567', 'insufficient-balance');
    expect(overrides.of('2348031234567')).toBe('insufficient-balance');
    expect(overrides.of('+234 803 123 4567')).toBe('insufficient-balance');
    overrides.set('263772279099', 'server-error');
    expect(overrides.of('0772279099')).toBe('server-error');
    expect(overrides.of('2348031234568')).toBe('success');
  });

  it('are one per instance: one simulator can refuse a phone another tops up', () => {
    const estoresms = new TestNumberOverrides();
    const africastalking = new TestNumberOverrides();
    estoresms.set('2348031234567', 'insufficient-balance');
    expect(estoresms.of('08031234567')).toBe('insufficient-balance');
    expect(africastalking.of('2348031234567')).toBe('success');
  });

  it('replace one another for the same phone, and clear in any form', () => {
    const overrides = new TestNumberOverrides();
    overrides.set('08031234567', 'reject');
    overrides.set('2348031234567', 'garbage');
    expect(overrides.of('08031234567')).toBe('garbage');
    expect(overrides.clear('8031234567')).toBe(true);
    expect(overrides.of('2348031234567')).toBe('success');
    expect(overrides.clear('2348031234567')).toBe(false);
  });

  it('only take 7 to 15 digits', () => {
    expect(overrideKeyOf('0001')).toBeNull();
    expect(overrideKeyOf('1234567890123456')).toBeNull();
    expect(new TestNumberOverrides().set('12', 'reject')).toBe(false);
  });
});
