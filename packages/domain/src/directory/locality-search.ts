import { foldDiacritics, normaliseText } from '../text';

/**
 * Finding a commune or ward by the name a person types: "Đức Xuân", "duc xuan", "phường đức
 * xuân", "p. duc xuan", "ubnd xa duong quang". Pure; the API gives it the units.
 */

/** Words naming the level or the committee, dropped before comparing. */
const LEVEL_WORDS = [
  'uy ban nhan dan',
  'ubnd',
  'thi tran',
  'thi xa',
  'thanh pho',
  'tp',
  'phuong',
  'xa',
  'huyen',
  'quan',
  'tt',
  'p',
  'x',
  'q',
  'h',
];
const LEVEL_PREFIX = new RegExp(`^(?:(?:${LEVEL_WORDS.join('|')})\\s+)+`);

/** The name without diacritics, punctuation and level words: "UBND phường Đức Xuân" → "duc xuan". */
export function localityKey(name: string): string {
  const folded = foldDiacritics(normaliseText(name, 300))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const stripped = folded.replace(LEVEL_PREFIX, '').trim();
  return stripped || folded;
}

export interface LocalityCandidate {
  id: string;
  name: string;
}

export interface LocalitySearchResult<T extends LocalityCandidate> {
  /** Best first: same name, then names starting with the words typed, then containing them. */
  matches: T[];
  /** More matched than `limit`: the person should type more of the name. */
  more: boolean;
}

/**
 * The units whose name matches what was typed, at most `limit`. Words typed must all appear,
 * whole, in the name ("xuan" finds "Đức Xuân", "xu" finds nothing): a guess would send the
 * person to the wrong ward's contacts.
 */
export function searchLocalities<T extends LocalityCandidate>(
  typed: string,
  units: readonly T[],
  limit = 5,
): LocalitySearchResult<T> {
  const query = localityKey(typed);
  if (!query) return { matches: [], more: false };
  const words = query.split(' ');
  const scored: { unit: T; score: number }[] = [];
  for (const unit of units) {
    const key = localityKey(unit.name);
    const nameWords = key.split(' ');
    let score: number;
    if (key === query) score = 0;
    else if (key.startsWith(`${query} `)) score = 1;
    else if (words.every((w) => nameWords.includes(w))) score = 2;
    else continue;
    scored.push({ unit, score });
  }
  scored.sort((a, b) => a.score - b.score || a.unit.name.localeCompare(b.unit.name, 'vi'));
  const exact = scored.filter((s) => s.score === 0);
  // The very name typed wins over longer names that contain it.
  const best = exact.length > 0 ? exact : scored;
  return { matches: best.slice(0, limit).map((s) => s.unit), more: best.length > limit };
}
