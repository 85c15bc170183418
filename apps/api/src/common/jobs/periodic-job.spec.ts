import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeriodicJob } from './periodic-job';

class TestJob extends PeriodicJob {
  runs = 0;
  finish: (() => void) | null = null;
  fail = false;

  constructor(seconds: number) {
    super('TestJob', seconds);
  }

  protected run(): Promise<unknown> {
    this.runs++;
    if (this.fail) return Promise.reject(new Error('database away'));
    return new Promise<void>((resolve) => (this.finish = resolve));
  }
}

describe('PeriodicJob', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every interval, never two runs at once, and shutdown waits for the run under way', async () => {
    const job = new TestJob(60);
    job.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(job.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000); // still running: not doubled
    expect(job.runs).toBe(1);

    let stopped = false;
    const stopping = job.onApplicationShutdown().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    job.finish!();
    await stopping;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(job.runs).toBe(1);
  });

  it('goes on after a failed run, and never runs with an interval of 0', async () => {
    const failing = new TestJob(10);
    failing.fail = true;
    failing.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(failing.runs).toBe(3);
    await failing.onApplicationShutdown();

    const off = new TestJob(0);
    off.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(off.runs).toBe(0);
  });
});
