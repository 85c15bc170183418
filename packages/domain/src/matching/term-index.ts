/**
 * Incremental inverted index with BM25F term saturation.
 *
 * Keys are opaque numbers built by keys.ts (folded syllables, exact syllables, syllable bigrams,
 * English stems). Documents get small integer numbers (reused after removal) so postings and
 * per-query accumulators are plain arrays. Each posting keeps the raw term frequency per field;
 * length normalisation uses the current average lengths, so adding or removing one document
 * only touches that document's postings. Saturations are cached per key until the next change.
 */

import { KeyTable, type Key } from './keys';

const FIELDS = ['question', 'answer', 'questionEn', 'answerEn'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;

// Question phrasings say what the FAQ is about; answers only mention things in passing, so a
// term found only in the answer earns part of the credit (on qa-tune, 0.4 ranks the right FAQ
// first for 76.6% of questions, 0.7 for 72.5%, none at all for 64.7%).
const FIELD_WEIGHT: readonly number[] = FIELDS.map((f) =>
  f === 'answer' || f === 'answerEn' ? 0.4 : 1,
);

// Standard BM25 constants: k1 controls how fast repeated terms saturate, b how much long fields
// are penalised.
const K1 = 1.2;
const B = 0.75;

// Bound on cached saturation lists, so memory stays flat however varied the questions are.
const MAX_CACHED_KEYS = 20_000;

/** Every key occurrence of one field, and the field's length in tokens (for length normalisation). */
export interface FieldContent {
  readonly keys: readonly Key[];
  readonly length: number;
}
export type DocumentFields = Readonly<Partial<Record<Field, FieldContent>>>;

/** Documents containing a key, with the key's BM25F saturation in each (same order). */
export interface Saturations {
  readonly docs: readonly number[];
  readonly values: Float64Array;
}

interface PostingList {
  readonly docs: number[];
  /** Term frequencies per field of each entry of `docs`, packed (see packTf). */
  readonly tf: number[];
}

// Term frequencies of the four fields packed in one small integer, 7 bits each, so a posting is
// two numbers rather than five: 10,000 FAQs make millions of postings.
const TF_BITS = 7;
const TF_MAX = (1 << TF_BITS) - 1;
const tfOf = (packed: number, f: number): number => (packed >> (f * TF_BITS)) & TF_MAX;
const incrementTf = (packed: number, f: number): number =>
  tfOf(packed, f) === TF_MAX ? packed : packed + (1 << (f * TF_BITS));

const EMPTY: Saturations = { docs: [], values: new Float64Array(0) };

export class TermIndex {
  private readonly numbers = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly freeNumbers: number[] = [];
  private readonly lengths: number[][] = FIELDS.map(() => []);
  private readonly docKeys: (readonly Key[] | undefined)[] = [];
  private readonly postings = new KeyTable<PostingList>();
  private readonly totalLength = new Float64Array(FIELD_COUNT);
  private readonly docsWithField = new Float64Array(FIELD_COUNT);
  private readonly cache = new Map<Key, Saturations>();
  private inverseNorms: Float64Array[] | undefined;
  private changes = 0;

  /** Called with a key when its document frequency goes from 0 to 1 (added) or 1 to 0 (removed). */
  constructor(private readonly onVocabularyChange?: (key: Key, added: boolean) => void) {}

  /** Changes with every upsert or removal: what was computed from document frequencies is stale. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.numbers.size;
  }

  /** One more than the largest document number in use: the size of per-document arrays. */
  get capacity(): number {
    return this.ids.length;
  }

  idOf(doc: number): string | undefined {
    return this.ids[doc];
  }

  /** Adds or replaces a document. */
  upsert(id: string, fields: DocumentFields): void {
    this.remove(id);
    const doc = this.freeNumbers.pop() ?? this.ids.length;
    this.numbers.set(id, doc);
    this.ids[doc] = id;
    const keys: Key[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const content = fields[FIELDS[f]];
      const length = content?.length ?? 0;
      this.lengths[f][doc] = length;
      if (!content || length === 0) continue;
      this.totalLength[f] += length;
      this.docsWithField[f] += 1;
      const fieldKeys = content.keys;
      for (let k = 0; k < fieldKeys.length; k++) {
        const list = this.listFor(fieldKeys[k]);
        const { docs, tf } = list;
        // Documents are added one at a time, so this one is last in every list it is already in.
        const last = docs.length - 1;
        if (last >= 0 && docs[last] === doc) {
          tf[last] = incrementTf(tf[last], f);
        } else {
          docs.push(doc);
          tf.push(incrementTf(0, f));
          keys.push(fieldKeys[k]);
        }
      }
    }
    this.docKeys[doc] = keys;
    this.changed();
  }

  remove(id: string): boolean {
    const doc = this.numbers.get(id);
    if (doc === undefined) return false;
    for (const key of this.docKeys[doc] ?? []) this.removePosting(key, doc);
    FIELDS.forEach((_, f) => {
      const length = this.lengths[f][doc];
      if (length > 0) {
        this.totalLength[f] -= length;
        this.docsWithField[f] -= 1;
      }
      this.lengths[f][doc] = 0;
    });
    this.docKeys[doc] = undefined;
    this.ids[doc] = undefined;
    this.numbers.delete(id);
    this.freeNumbers.push(doc);
    this.changed();
    return true;
  }

  /** Number of documents containing the key. */
  df(key: Key): number {
    return this.postings.get(key)?.docs.length ?? 0;
  }

  /** Robertson–Spärck Jones IDF (always positive), from the document frequency. */
  idf(df: number): number {
    const n = this.numbers.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * BM25F saturated frequency of a key in each document containing it: 1.0 for a single
   * occurrence in a question of average length, up to K1 + 1 for many occurrences.
   */
  saturations(key: Key): Saturations {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const list = this.postings.get(key);
    if (!list) return EMPTY;
    const norms = this.norms();
    const values = new Float64Array(list.docs.length);
    list.docs.forEach((doc, i) => {
      let pseudoTf = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const tf = tfOf(list.tf[i], f);
        if (tf > 0) pseudoTf += tf * norms[f][doc];
      }
      values[i] = (pseudoTf * (K1 + 1)) / (pseudoTf + K1);
    });
    const result = { docs: list.docs, values };
    if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  /** Field weight over BM25 length normalisation, per field and document. */
  private norms(): Float64Array[] {
    if (this.inverseNorms) return this.inverseNorms;
    this.inverseNorms = FIELDS.map((_, f) => {
      const avg = Math.max(1, this.totalLength[f] / Math.max(1, this.docsWithField[f]));
      const out = new Float64Array(this.capacity);
      for (let doc = 0; doc < this.capacity; doc++) {
        out[doc] = FIELD_WEIGHT[f] / (1 - B + (B * (this.lengths[f][doc] ?? 0)) / avg);
      }
      return out;
    });
    return this.inverseNorms;
  }

  private changed(): void {
    this.changes++;
    this.cache.clear();
    this.inverseNorms = undefined;
  }

  private listFor(key: Key): PostingList {
    let list = this.postings.get(key);
    if (!list) {
      list = { docs: [], tf: [] };
      this.postings.set(key, list);
      this.onVocabularyChange?.(key, true);
    }
    return list;
  }

  private removePosting(key: Key, doc: number): void {
    const list = this.postings.get(key);
    if (!list) return;
    const i = list.docs.lastIndexOf(doc);
    if (i < 0) return;
    // Order within a posting list is irrelevant, so the last entry fills the gap.
    const last = list.docs.length - 1;
    list.docs[i] = list.docs[last];
    list.tf[i] = list.tf[last];
    list.docs.pop();
    list.tf.pop();
    if (list.docs.length === 0) {
      this.postings.set(key, undefined);
      this.onVocabularyChange?.(key, false);
    }
  }
}
