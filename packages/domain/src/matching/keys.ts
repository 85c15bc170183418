/**
 * Index keys. Every Vietnamese syllable is indexed twice (diacritic-exact and folded) and every
 * pair of neighbouring syllables once more as a folded bigram, because Vietnamese words are
 * mostly two syllables ("hộ chiếu", "xuất cảnh") and a bigram hit means the word itself matched.
 * English text is indexed by stems and stem bigrams in its own key space.
 */
import { DOCUMENT_LIMITS, tokenise, type Token } from '../text';
import { stemEnglish } from './english';
import type { FieldContent } from './term-index';

// Keys are memoised: the same few thousand syllables come back all the time, and a reused
// string keeps its hash, which makes the index's map lookups cheaper when millions of postings
// are built. Each memo is emptied when it reaches its bound, so garbage input cannot grow it.
const MEMO_LIMIT = 100_000;

class KeyMemo {
  private readonly keys = new Map<string, string>();
  constructor(private readonly make: (text: string) => string) {}

  get(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      if (this.keys.size >= MEMO_LIMIT) this.keys.clear();
      key = this.make(text);
      this.keys.set(text, key);
    }
    return key;
  }
}

const folded = new KeyMemo((text) => `f:${text}`);
const exact = new KeyMemo((text) => `x:${text}`);
const english = new KeyMemo((text) => `e:${text}`);
const pairs = new KeyMemo((text) => `b:${text}`);
const englishPairs = new KeyMemo((text) => `eb:${text}`);

export const foldedKey = (syllable: string): string => folded.get(syllable);
export const exactKey = (syllable: string): string => exact.get(syllable);
export const englishKey = (stem: string): string => english.get(stem);
export const bigramKey = (a: string, b: string): string => pairs.get(`${a} ${b}`);
export const englishBigramKey = (a: string, b: string): string => englishPairs.get(`${a} ${b}`);

export const isFoldedKey = (key: string): boolean => key.startsWith('f:');
export const isExactKey = (key: string): boolean => key.startsWith('x:');

// Exact keys are only looked up for syllables typed with accents, so an unaccented word of a
// FAQ ("visa") needs none.
export function vietnameseKeys(tokens: readonly Token[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    keys.push(foldedKey(token.folded));
    if (token.marked) keys.push(exactKey(token.exact));
    if (i > 0) keys.push(bigramKey(tokens[i - 1].folded, token.folded));
  }
  return keys;
}

export function englishKeys(stems: readonly string[]): string[] {
  const keys: string[] = [];
  stems.forEach((stem, i) => {
    keys.push(englishKey(stem));
    if (i > 0) keys.push(englishBigramKey(stems[i - 1], stem));
  });
  return keys;
}

/** Keys of several Vietnamese texts (question, alternates...), with no bigram across two texts. */
export function vietnameseField(texts: readonly (string | undefined)[]): FieldContent {
  const keys: string[] = [];
  let length = 0;
  for (const text of texts) {
    const tokens = tokenise(text, DOCUMENT_LIMITS);
    keys.push(...vietnameseKeys(tokens));
    length += tokens.length;
  }
  return { keys, length };
}

export function englishField(texts: readonly (string | undefined)[]): FieldContent {
  const keys: string[] = [];
  let length = 0;
  for (const text of texts) {
    const stems = tokenise(text, DOCUMENT_LIMITS).map((t) => stemEnglish(t.folded));
    keys.push(...englishKeys(stems));
    length += stems.length;
  }
  return { keys, length };
}
