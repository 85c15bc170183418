/**
 * Spelling tolerance for syllables the FAQs never use.
 *
 * - One-letter typos ("thuền" → "thuyền", "khong" → "không" is already handled by folding):
 *   candidates at Damerau edit distance 1 among the folded vocabulary of the index, found through
 *   a deletion neighbourhood (every word and each of its one-letter deletions point back to the
 *   word), so a lookup costs a few map reads whatever the vocabulary size.
 * - Phone "teencode" letter swaps ("fải" → "phải", "wá" → "quá", "jờ" → "giờ", "zậy" → "vậy").
 */

/** Typos are only corrected on tokens this long: shorter ones have too many neighbours. */
const MIN_TYPO_LENGTH = 3;

export class TypoIndex {
  private readonly neighbours = new Map<string, Set<string>>();

  add(word: string): void {
    if (word.length < MIN_TYPO_LENGTH) return;
    for (const variant of deletionVariants(word)) {
      let words = this.neighbours.get(variant);
      if (!words) {
        words = new Set();
        this.neighbours.set(variant, words);
      }
      words.add(word);
    }
  }

  delete(word: string): void {
    for (const variant of deletionVariants(word)) {
      const words = this.neighbours.get(variant);
      words?.delete(word);
      if (words?.size === 0) this.neighbours.delete(variant);
    }
  }

  /** Vocabulary words at edit distance exactly 1 from `word` (itself excluded). */
  candidates(word: string): string[] {
    if (word.length < MIN_TYPO_LENGTH) return [];
    const found = new Set<string>();
    for (const variant of deletionVariants(word)) {
      for (const candidate of this.neighbours.get(variant) ?? []) {
        if (candidate !== word && withinOneEdit(word, candidate)) found.add(candidate);
      }
    }
    return [...found];
  }
}

function deletionVariants(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/** Damerau–Levenshtein distance ≤ 1: one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

// Letter substitutions of Vietnamese phone typing, applied to the start of a folded syllable.
const TEENCODE_ONSETS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['w', ['qu', 'u']],
  ['f', ['ph']],
  ['j', ['gi', 'd']],
  ['z', ['d', 'gi', 'v']],
  ['dz', ['d', 'v']],
  ['k', ['c', 'kh']],
  ['c', ['k']],
];

/** Plausible spellings of a teencode syllable (folded), for looking up in the vocabulary. */
export function teencodeRespellings(folded: string): string[] {
  const out: string[] = [];
  for (const [from, tos] of TEENCODE_ONSETS) {
    if (!folded.startsWith(from) || folded.length <= from.length) continue;
    for (const to of tos) out.push(to + folded.slice(from.length));
  }
  return out;
}
