import { nextPeriod, periodKeyFirstDay } from './periods';
import type { ReportSchedule } from './schedule';

/**
 * What a stored template version needs for `selectTemplateVersion`: its number and the key of the
 * first period it applies to.
 */
export interface TemplateVersionRef {
  version: number;
  effectiveFrom: string;
}

/**
 * The version of a template that applies to the period `periodKey`: among the versions effective
 * from that period or an earlier one, the one effective from the latest period, and of those the
 * highest version number. Null when none applies yet.
 *
 * Periods of different kinds are put in order by their first day (`2026-H2` and `2026-Q3` both
 * begin on 01/07/2026), so a schedule may change between versions. A one-off period (`once`) is
 * matched only by versions effective from `once`.
 */
export function selectTemplateVersion<T extends TemplateVersionRef>(
  versions: readonly T[],
  periodKey: string,
): T | null {
  const target = startOf(periodKey);
  if (target === undefined) return null;
  let best: { version: T; start: number } | null = null;
  for (const version of versions) {
    const start = startOf(version.effectiveFrom);
    if (start === undefined || (start === 'once') !== (target === 'once')) continue;
    // Both are `once` (0 then), or both days as yyyymmdd numbers.
    const [from, to] = start === 'once' || target === 'once' ? [0, 0] : [start, target];
    if (from > to) continue;
    if (
      !best ||
      from > best.start ||
      (from === best.start && version.version > best.version.version)
    ) {
      best = { version, start: from };
    }
  }
  return best?.version ?? null;
}

/**
 * The period from which an edit saved at `now` applies: the first period not yet begun, so no
 * report already started changes under a unit's feet. Null for a one-off schedule whose period has
 * begun (an edit then applies to no period).
 */
export function editEffectiveFrom(schedule: ReportSchedule, now: Date): string | null {
  return nextPeriod(schedule, now)?.key ?? null;
}

/** A key's first day as a number (20260701), 'once', or undefined for what is not a key. */
function startOf(key: string): number | 'once' | undefined {
  if (key === 'once') return 'once';
  const day = periodKeyFirstDay(key);
  return day ? Number(day.replaceAll('-', '')) : undefined;
}
