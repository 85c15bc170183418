/**
 * Which words unaccented letters stand for. Typed without diacritics, "gia" may be giá, gia, già,
 * giả or giã; how often each occurs in general Vietnamese (counted in a dictionary's definitions
 * and examples: scripts/syllable-frequencies.ts) says how likely each reading is.
 */
import FREQUENCIES from './data/syllable-frequencies.json';
import { syllableKeys } from './syllable';

/** One reading of some letters: its exact key (syllableKeys) and its share of their uses. */
export interface Reading {
  readonly exact: string;
  readonly share: number;
  /** Times counted (the share is this over the letters' total). */
  readonly count: number;
}

interface Letters {
  readonly readings: readonly Reading[];
  readonly total: number;
}

const NONE: Letters = { readings: [], total: 0 };

// Built on first use, so that code never asking (the console) never pays for it.
let byLetters: Map<string, Letters> | undefined;

function build(): Map<string, Letters> {
  const byExact = new Map<string, { letters: string; count: number }>();
  for (const [syllable, count] of Object.entries(FREQUENCIES as Record<string, number>)) {
    // Old and new tone placements ("hoà", "hòa") are one syllable.
    const { exact, folded: letters } = syllableKeys(syllable);
    byExact.set(exact, { letters, count: (byExact.get(exact)?.count ?? 0) + count });
  }
  const counted = new Map<string, { exact: string; count: number }[]>();
  for (const [exact, { letters, count }] of byExact) {
    const list = counted.get(letters) ?? [];
    list.push({ exact, count });
    counted.set(letters, list);
  }
  const result = new Map<string, Letters>();
  for (const [letters, list] of counted) {
    const total = list.reduce((sum, r) => sum + r.count, 0);
    const readings = list.map(({ exact, count }) => ({ exact, count, share: count / total }));
    result.set(letters, { readings, total });
  }
  return result;
}

function lettersOf(folded: string): Letters {
  byLetters ??= build();
  return byLetters.get(folded) ?? NONE;
}

/** The readings of unaccented letters (a folded syllable) with their shares; none when unseen. */
export function readingsOfLetters(folded: string): readonly Reading[] {
  return lettersOf(folded).readings;
}

/**
 * The share of the uses of these unaccented letters that are readings `accepts` takes (by exact
 * key), in [0, 1]; undefined when the letters are too rare to say.
 */
export function readingShare(
  folded: string,
  accepts: (exact: string) => boolean,
): number | undefined {
  const { readings, total } = lettersOf(folded);
  if (total === 0) return undefined;
  return readings.reduce((sum, r) => (accepts(r.exact) ? sum + r.count : sum), 0) / total;
}
