import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker(3, 10_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('stays closed through failures below the threshold and resets on success', () => {
    const b = breaker();
    b.record(false);
    b.record(false);
    b.record(true);
    b.record(false);
    b.record(false);
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and refuses during the cooldown', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.record(false);
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    now += 9_999;
    expect(b.tryAcquire()).toBe(false);
  });

  it('lets one trial through after the cooldown; success closes, failure re-opens', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.record(false);
    now += 10_000;
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.record(false);
    expect(b.state).toBe('open');
    now += 10_000;
    expect(b.tryAcquire()).toBe(true);
    b.record(true);
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });
});
