import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from './scheduled-job.js';

class CountingJob extends ScheduledJob {
  runs = 0;
  release?: () => void;

  constructor(scheduler: SchedulerRegistry, intervalMs: number, private readonly behaviour: 'hang' | 'fail' | 'ok' = 'ok') {
    super('counting-job', scheduler, intervalMs);
  }

  protected async work(): Promise<void> {
    this.runs++;
    if (this.behaviour === 'hang') await new Promise<void>((resolve) => (this.release = resolve));
    if (this.behaviour === 'fail') throw new Error('upstream down');
  }
}

describe('ScheduledJob', () => {
  it('never stacks a run on a run that is still going', async () => {
    const job = new CountingJob(new SchedulerRegistry(), 0, 'hang');
    const first = job.tick();
    await job.tick();
    await job.tick();
    expect(job.runs).toBe(1);
    job.release?.();
    await first;
    const second = job.tick();
    job.release?.();
    await second;
    expect(job.runs).toBe(2);
  });

  it('logs a failed run and runs again at the next tick', async () => {
    const job = new CountingJob(new SchedulerRegistry(), 0, 'fail');
    const logged = jest.spyOn(job['logger'], 'error').mockImplementation(() => undefined);
    await job.tick();
    await job.tick();
    expect(job.runs).toBe(2);
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('registers its interval at start-up, removes it at shutdown, and stays off at 0', () => {
    const scheduler = new SchedulerRegistry();
    const job = new CountingJob(scheduler, 60_000);
    job.onApplicationBootstrap();
    expect(scheduler.doesExist('interval', 'counting-job')).toBe(true);
    job.onApplicationShutdown();
    expect(scheduler.doesExist('interval', 'counting-job')).toBe(false);
    new CountingJob(scheduler, 0).onApplicationBootstrap();
    expect(scheduler.doesExist('interval', 'counting-job')).toBe(false);
  });
});
