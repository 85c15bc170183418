import { shiftIsoDate, localIsoDateOf } from '@gcm/domain';

/** The dashboard's period choices: the last 7 or 30 days (today included), or chosen days. */
export type PeriodPreset = '7' | '30' | 'custom';

/** The first and last day (YYYY-MM-DD, Vietnam) of a preset, or of the chosen range. */
export function periodDays(
  preset: PeriodPreset,
  range: readonly [string, string] | null,
  now = new Date(),
): { from: string; to: string } {
  if (preset === 'custom' && range) return { from: range[0], to: range[1] };
  const to = localIsoDateOf(now);
  return { from: shiftIsoDate(to, -(preset === '30' ? 29 : 6)), to };
}

/** dd/mm/yyyy from YYYY-MM-DD. */
export function showDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
