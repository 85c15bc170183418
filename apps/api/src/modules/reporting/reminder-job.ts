import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { RemindersService } from './reminders.service';

/**
 * Runs the reminder job every REPORT_REMINDER_INTERVAL_SECONDS on each API instance (0: never;
 * the tests drive `RemindersService.runOnce` themselves). Running it on several instances at once
 * is safe (see RemindersService); a run still under way when the next is due is not doubled.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderJob');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectEnv() private readonly env: Env,
    private readonly reminders: RemindersService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.env.REPORT_REMINDER_INTERVAL_SECONDS;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.reminders.runOnce().catch((error: unknown) => {
      this.logger.error(`Reminder run failed: ${(error as Error).message}`);
    });
    await this.running;
    this.running = null;
  }
}
