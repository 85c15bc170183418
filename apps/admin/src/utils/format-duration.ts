/** The words of a duration, from the locale's messages (`common.duration.*`). */
export type DurationWords = (unit: 'day' | 'hour' | 'minute', count: number) => string;

/**
 * A waiting time for people: its two largest units ("2 ngày 4 giờ", "3 giờ 12 phút",
 * "15 phút"); under a minute, `lessThanMinute`.
 */
export function formatDuration(
  seconds: number,
  words: DurationWords,
  lessThanMinute: string,
): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  if (minutes < 1) return lessThanMinute;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0)
    return hours > 0 ? `${words('day', days)} ${words('hour', hours)}` : words('day', days);
  if (hours > 0)
    return rest > 0 ? `${words('hour', hours)} ${words('minute', rest)}` : words('hour', hours);
  return words('minute', rest);
}
