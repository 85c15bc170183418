/**
 * The time as the API's rules see it: due dates, lateness, link-code expiry, reminders. Inject
 * `Clock` instead of calling `new Date()` where time decides an outcome, so a test can drive it
 * (`createApp(env, database, { clock })`). Database defaults (`now()`) are for bookkeeping only.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move: for tests and benchmarks. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
