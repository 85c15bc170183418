import {
  addDays,
  daysBetween,
  formatDateVi,
  type IsoDate,
  localDateOf,
  localMinutesOfDay,
  parseIsoDate,
  toIsoDate,
} from './local-time';
import type { ReportingPeriod } from './periods';
import { isIntegerIn, isRecord, type TemplateProblem } from './schedule';

/**
 * Reminders before (and just after) a report's due date, as data.
 *
 * Each step is a number of days from the due day (-7 a week before, +1 the day after), sent once
 * per unit, period and step (the API keeps that unique on the step's `key`: `d-7`, `d-3`, `d-1`,
 * `d0`, `d+1`). The reminder job runs every few minutes and asks `dueReminderSteps` what to send
 * now; the rules, all in Vietnam time:
 *
 * - nothing is sent outside the sending window (08:00–17:00 by default), so never before the
 *   window opens on the step's day, and never at night;
 * - a step is due from the opening of the window on its day. If the job did not run then (the
 *   process was down, a deploy), the step is still sent when it next runs within the window, on
 *   that same day, or up to `catchUpDays` days later (0 by default: that day only);
 * - only the latest step whose day has come can be due: once a later step's day comes, an earlier
 *   step not yet sent is skipped for good, so a unit never gets "7 days left" after "3 days left",
 *   nor two reminders at once after an outage.
 *
 * Whether a unit still needs reminding (it has not submitted) is for the API to decide.
 */
export interface ReminderSchedule {
  /** Days from the due day, e.g. [-7, -3, -1, 1]. */
  offsetsDays: number[];
  /** Local times `HH:MM`, start included, end excluded ("24:00" for the end of the day). */
  window: { start: string; end: string };
  /** Days after its own day a missed step may still be sent (never past the next step's day). */
  catchUpDays: number;
}

export const DEFAULT_REMINDER_SCHEDULE: Readonly<ReminderSchedule> = Object.freeze({
  offsetsDays: Object.freeze([-7, -3, -1, 1]) as number[],
  window: Object.freeze({ start: '08:00', end: '17:00' }),
  catchUpDays: 0,
});

/** Farthest a step may be from the due day, in days. */
export const MAX_REMINDER_OFFSET_DAYS = 60;
export const MAX_REMINDER_STEPS = 10;
export const MAX_CATCH_UP_DAYS = 30;

export interface ReminderStep {
  /** `d-7`, `d0`, `d+1`: stable, for "once per unit, period and step". */
  key: string;
  offsetDays: number;
  /** The step's own day (due day + offset). */
  day: IsoDate;
  /** Days from today to the due day when the step is sent (negative: overdue by that many). */
  daysUntilDue: number;
}

/** The stable key of a step: -7 → `d-7`, 0 → `d0`, 1 → `d+1`. */
export function reminderStepKey(offsetDays: number): string {
  return offsetDays === 0 ? 'd0' : `d${offsetDays > 0 ? '+' : ''}${offsetDays}`;
}

/**
 * The reminder steps to send now for a report due on `due` (a period or its due day): none, or
 * the one step described above. Throws a RangeError for a due day that is not `yyyy-mm-dd`.
 */
export function dueReminderSteps(
  schedule: ReminderSchedule,
  due: ReportingPeriod | IsoDate,
  now: Date,
): ReminderStep[] {
  const dueDay = parseIsoDate(typeof due === 'string' ? due : due.dueDate);
  if (!dueDay) throw new RangeError(`not a yyyy-mm-dd date: ${String(due)}`);
  const minutes = localMinutesOfDay(now);
  if (minutes < toMinutes(schedule.window.start) || minutes >= toMinutes(schedule.window.end)) {
    return [];
  }
  const today = localDateOf(now);
  const offsets = [...new Set(schedule.offsetsDays)].sort((a, b) => a - b);
  // The latest step whose day has come; an earlier one is superseded by it.
  const latest = offsets.filter((offset) => daysBetween(addDays(dueDay, offset), today) >= 0).pop();
  if (latest === undefined) return [];
  const stepDay = addDays(dueDay, latest);
  if (daysBetween(stepDay, today) > schedule.catchUpDays) return [];
  return [
    {
      key: reminderStepKey(latest),
      offsetDays: latest,
      day: toIsoDate(stepDay),
      daysUntilDue: daysBetween(today, dueDay),
    },
  ];
}

/**
 * The reminder's text: "Nhắc hạn nộp báo cáo “…” (6 tháng đầu năm 2026): hạn nộp 05/07/2026,
 * còn 3 ngày." Worded from the days actually left, so a step sent late still tells the truth.
 */
export function reminderMessageVi(input: {
  templateTitle: string;
  periodLabel: string;
  dueDate: IsoDate;
  daysUntilDue: number;
}): string {
  const { templateTitle, periodLabel, dueDate, daysUntilDue } = input;
  const date = formatDateVi(dueDate);
  if (daysUntilDue < 0) {
    return `Báo cáo “${templateTitle}” (${periodLabel}) chưa được nộp: hạn nộp ${date}, đã quá hạn ${-daysUntilDue} ngày.`;
  }
  const when =
    daysUntilDue > 1
      ? `còn ${daysUntilDue} ngày`
      : daysUntilDue === 1
        ? 'tức là ngày mai'
        : 'tức là hôm nay';
  return `Nhắc hạn nộp báo cáo “${templateTitle}” (${periodLabel}): hạn nộp ${date}, ${when}.`;
}

/** Problems with a reminder schedule read from JSON (empty when valid), in Vietnamese. */
export function validateReminderSchedule(input: unknown, path = 'reminders'): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (at: string, message: string) => problems.push({ path: at, message });
  if (!isRecord(input)) {
    add(path, 'Lịch nhắc hạn không hợp lệ.');
    return problems;
  }
  const offsets = input.offsetsDays;
  if (!Array.isArray(offsets) || offsets.length === 0 || offsets.length > MAX_REMINDER_STEPS) {
    add(`${path}.offsetsDays`, `Cần từ 1 đến ${MAX_REMINDER_STEPS} lần nhắc.`);
  } else {
    const seen = new Set<number>();
    offsets.forEach((offset, index) => {
      if (!isIntegerIn(offset, -MAX_REMINDER_OFFSET_DAYS, MAX_REMINDER_OFFSET_DAYS)) {
        add(
          `${path}.offsetsDays[${index}]`,
          `Mỗi lần nhắc là một số ngày nguyên so với hạn nộp, từ -${MAX_REMINDER_OFFSET_DAYS} đến ${MAX_REMINDER_OFFSET_DAYS}.`,
        );
      } else if (seen.has(offset)) {
        add(`${path}.offsetsDays[${index}]`, `Lần nhắc ${reminderStepKey(offset)} bị trùng.`);
      }
      seen.add(offset as number);
    });
  }
  const window = isRecord(input.window) ? input.window : {};
  const start = typeof window.start === 'string' ? toMinutes(window.start) : Number.NaN;
  const end = typeof window.end === 'string' ? toMinutes(window.end) : Number.NaN;
  if (Number.isNaN(start) || start >= 24 * 60) {
    add(`${path}.window.start`, 'Giờ bắt đầu gửi cần dạng giờ:phút, ví dụ 08:00.');
  }
  if (Number.isNaN(end))
    add(`${path}.window.end`, 'Giờ kết thúc gửi cần dạng giờ:phút, ví dụ 17:00.');
  if (!Number.isNaN(start) && !Number.isNaN(end) && start >= end) {
    add(`${path}.window.end`, 'Giờ kết thúc gửi phải sau giờ bắt đầu.');
  }
  if (!isIntegerIn(input.catchUpDays, 0, MAX_CATCH_UP_DAYS)) {
    add(
      `${path}.catchUpDays`,
      `Số ngày gửi bù cho lần nhắc bị lỡ phải từ 0 (chỉ trong ngày) đến ${MAX_CATCH_UP_DAYS}.`,
    );
  }
  return problems;
}

/** "08:30" → 510; "24:00" → 1440; NaN for anything else. */
function toMinutes(time: string): number {
  if (time === '24:00') return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}
