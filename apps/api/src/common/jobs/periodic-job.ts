import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A job each API instance runs every `intervalSeconds` (0: never; the tests call the work
 * themselves). A run still under way when the next is due is not doubled, a failed run is
 * logged and the next one tried, and shutdown waits for the run under way.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  protected constructor(
    private readonly name: string,
    private readonly intervalSeconds: number,
  ) {
    this.logger = new Logger(name);
  }

  /** One run of the job. */
  protected abstract run(): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (this.intervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.run().catch((error: unknown) => {
      this.logger.error(`${this.name} run failed: ${(error as Error).message}`);
    });
    await this.running;
    this.running = null;
  }
}
