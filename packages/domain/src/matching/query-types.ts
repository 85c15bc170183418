/** Internal shapes shared by the lexicon, the query builder and the scorer. */
import type { Token } from '../text';
import type { Key } from './keys';

/** One way of reading part of a question: Vietnamese syllables or English stems. */
export type Alternative = (
  | { readonly lang: 'vi'; readonly tokens: readonly Token[] }
  | { readonly lang: 'en'; readonly stems: readonly string[] }
) & {
  readonly quality: number;
  /** A more general term ("nước ngoài" for "Nhật"): it may cover the slot but says nothing of its weight. */
  readonly broader?: boolean;
};

/**
 * A unit of meaning in the question (a syllable, or a phrase found in the synonym dictionary or
 * glossary). A FAQ covers the slot through the best of its alternatives.
 */
export interface Slot {
  readonly alternatives: readonly Alternative[];
  /** Stop-word factor in [0, 1] applied on top of IDF. */
  readonly stopFactor: number;
  /**
   * Where the slot's informativeness comes from. A dictionary phrase is as informative as its
   * readings ("hc" as "hộ chiếu"); a typed syllable as itself, so an unknown word keeps its full
   * weight even when a typo reading of it exists ("tên" is not made common by "trên"); a word
   * the FAQs do not use weighs as such, even when its letters are those of a known word.
   */
  readonly massFrom: 'readings' | 'typed' | 'unknown';
  /**
   * For a dictionary phrase, how many content words were typed for it ("đi làm việc ở nước
   * ngoài": làm, việc, nước, ngoài), so that it counts in the field share (field.ts) as much as
   * those words would typed outside any phrase; 1 when absent.
   */
  readonly typedContent?: number;
}

export interface Query {
  readonly slots: readonly Slot[];
  /** Neighbouring syllables (or stems) as typed; a hit means word order matched too. */
  readonly bigrams: readonly { readonly key: Key; readonly stopFactor: number }[];
}

// How much a match through each kind of alternative is worth compared with the literal word.
export const QUALITY = {
  literal: 1,
  synonym: 0.9,
  // Another Vietnamese rendering of the same glossary term ("em bé" for "trẻ em").
  translation: 0.7,
  broader: 0.6,
  teencode: 0.85,
  typo: 0.7,
} as const;
