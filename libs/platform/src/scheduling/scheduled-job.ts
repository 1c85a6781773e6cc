import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Work a service repeats on a timer (the reconciler, the top-up expiry sweep): registered with
 * @nestjs/schedule so that shutdown stops it, at most one run at a time per process (a slow run is
 * not stacked on), and a failed run logged and tried again at the next tick. Replicas each run it;
 * the work itself must be safe to run concurrently (claims with SKIP LOCKED, idempotent effects).
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private running = false;

  protected constructor(
    private readonly name: string,
    private readonly scheduler: SchedulerRegistry,
    /** 0 turns the job off (a test that drives it by hand). */
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  /** One run of the job. */
  protected abstract work(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.scheduler.addInterval(this.name, setInterval(() => void this.tick(), this.intervalMs));
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', this.name)) this.scheduler.deleteInterval(this.name);
  }

  /** Runs the job now unless a run is under way; resolves when this tick is done. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.work();
    } catch (error) {
      this.logger.error(error as Error);
    } finally {
      this.running = false;
    }
  }
}
