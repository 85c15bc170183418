import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { RemindersService } from './reminders.service';

/**
 * Runs the reminder job every REPORT_REMINDER_INTERVAL_SECONDS on each API instance (0: never;
 * the tests drive `RemindersService.runOnce` themselves). Running it on several instances at once
 * is safe (see RemindersService).
 */
@Injectable()
export class ReminderJob extends PeriodicJob {
  constructor(
    @InjectEnv() env: Env,
    private readonly reminders: RemindersService,
  ) {
    super('ReminderJob', env.REPORT_REMINDER_INTERVAL_SECONDS);
  }

  protected run(): Promise<unknown> {
    return this.reminders.runOnce();
  }
}
