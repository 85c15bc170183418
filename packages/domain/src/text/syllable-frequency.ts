/**
 * Which words unaccented letters stand for. Typed without diacritics, "gia" may be giá, gia, già,
 * giả or giã; how often each occurs in general Vietnamese (counted in a dictionary's definitions
 * and examples: scripts/syllable-frequencies.ts) says how likely each reading is.
 */
import FREQUENCIES from './data/syllable-frequencies.json';
import { syllableKeys } from './syllable';

interface Reading {
  /** Diacritic-exact key (syllableKeys). */
  readonly exact: string;
  readonly count: number;
}

// Built on first use, so that code never asking (the console) never pays for it.
let readingsByLetters: Map<string, Reading[]> | undefined;

function readingsOf(folded: string): readonly Reading[] | undefined {
  if (!readingsByLetters) {
    const byExact = new Map<string, { folded: string; count: number }>();
    for (const [syllable, count] of Object.entries(FREQUENCIES as Record<string, number>)) {
      // Old and new tone placements ("hoà", "hòa") are one syllable.
      const { exact, folded: letters } = syllableKeys(syllable);
      const known = byExact.get(exact);
      byExact.set(exact, { folded: letters, count: (known?.count ?? 0) + count });
    }
    readingsByLetters = new Map();
    for (const [exact, { folded: letters, count }] of byExact) {
      const list = readingsByLetters.get(letters) ?? [];
      list.push({ exact, count });
      readingsByLetters.set(letters, list);
    }
  }
  return readingsByLetters.get(folded);
}

/**
 * The share of the uses of these unaccented letters (a folded syllable) that are readings
 * `accepts` takes (by exact key), in [0, 1]; undefined when the letters are too rare to say.
 */
export function readingShare(
  folded: string,
  accepts: (exact: string) => boolean,
): number | undefined {
  const readings = readingsOf(folded);
  if (!readings) return undefined;
  let all = 0;
  let accepted = 0;
  for (const { exact, count } of readings) {
    all += count;
    if (accepts(exact)) accepted += count;
  }
  return all > 0 ? accepted / all : undefined;
}

/** The readings of unaccented letters (exact keys) with their share of the letters' uses. */
export function readingsOfLetters(folded: string): readonly { exact: string; share: number }[] {
  const readings = readingsOf(folded) ?? [];
  const all = readings.reduce((sum, r) => sum + r.count, 0);
  return readings.map((r) => ({ exact: r.exact, share: r.count / all }));
}
