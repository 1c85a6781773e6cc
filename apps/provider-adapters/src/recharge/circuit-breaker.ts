/**
 * Per upstream: after `threshold` consecutive sends that ended unknown (timeouts, 5xx, garbage), the
 * upstream is left alone for `cooldownMs`; then one trial send is let through, and its outcome closes
 * or re-opens the circuit. While open, nothing is sent, so refusing is safe (nothing was delivered).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a send may go out now; a true answer while half-open reserves the single trial. */
  tryAcquire(): boolean {
    if (this.openedAt === null) return true;
    if (this.now() - this.openedAt < this.cooldownMs || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  record(healthy: boolean): void {
    this.trialInFlight = false;
    if (healthy) {
      this.failures = 0;
      this.openedAt = null;
      return;
    }
    this.failures++;
    if (this.openedAt !== null || this.failures >= this.threshold) this.openedAt = this.now();
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt < this.cooldownMs ? 'open' : 'half-open';
  }
}
