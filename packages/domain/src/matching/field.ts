/**
 * Whether a question is in the knowledge base's field at all: "giá vàng hôm nay" is not, "làm hộ
 * chiếu ở đâu" is, even when no FAQ answers it. The share of the question's content words (not
 * function words: stop-words.ts) that the field knows: a phrase of the editors' dictionary or
 * glossary (the field's vocabulary), or a word of some FAQ's question, topic or tags. Not of its
 * answer, whose everyday words say little of the field, nor of its alternates: they are people's
 * own phrasings, chat words and all, and with them the share would grow as alternates are
 * recorded (on the dev set's learning run, "Chào bạn, bạn tên gì?" became a field question). A
 * share, so it does not grow with the number of FAQs either.
 */
import { englishStem } from './english';
import { QUALITY, type Query, type Slot } from './query-types';
import { CONTENT_STOP_FACTOR, lettersStopFactor } from './stop-words';
import { DOCUMENT_LIMITS, isVietnameseSyllable, readingShare, tokenise, type Token } from '../text';
import type { PhrasingTexts } from './phrasings';
import type { FaqEntry } from './types';

// Typed without diacritics, a syllable's letters stand for several words ("gia" is "gia", "giá",
// "già"...). Next to a neighbour the field writes beside them ("gia han", "ho chieu") they count
// fully. Alone, they count as the share of the letters' uses in general Vietnamese that are
// words the field writes ("han": Hàn, hạn are the field's, hán, hãn are not), at least
// LETTERS_FLOOR: the field's own uses are more likely in a question sent to it than in a
// dictionary. Letters too rare to have a share count UNACCENTED_ALONE. On the tuning sets'
// accented questions typed again without diacritics, half credit for all letters saw 12 of
// qa-tune's 280 in-scope ones as outside the field; the shares (with the content-word reading
// below) see 5, and refuse 13 rather than 15 of its 43 out-of-scope ones (dev: 1 and 1 in
// scope, 13 rather than 12 of 18 refused).
const UNACCENTED_ALONE = 0.5;
const LETTERS_FLOOR = 0.3;

/** The texts whose words are the field's: question, topic, tags, English question. */
export function fieldTextsOf(faq: FaqEntry): PhrasingTexts {
  const tokens = (texts: readonly (string | undefined)[]) =>
    texts.map((t) => tokenise(t ?? '', DOCUMENT_LIMITS)).filter((t) => t.length > 0);
  return {
    vietnamese: tokens([faq.question, faq.topic, ...(faq.tags ?? [])]),
    english: tokens([faq.questionEn]),
  };
}

/** Words of the FAQs' field texts, counted so that removing a FAQ removes its words. */
export class FieldVocabulary {
  private readonly counts = new Map<string, number>();
  private readonly byFaq = new Map<string, string[]>();

  upsert(id: string, texts: PhrasingTexts): void {
    this.remove(id);
    const words = new Set<string>();
    for (const tokens of texts.vietnamese) {
      tokens.forEach((t, i) => {
        words.add(`v:${t.folded}`);
        words.add(`x:${t.exact}`);
        if (i > 0) words.add(pairWord(tokens[i - 1], t));
      });
    }
    for (const tokens of texts.english) {
      for (const t of tokens) words.add(`e:${englishStem(t)}`);
    }
    const list = [...words];
    for (const word of list) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.byFaq.set(id, list);
  }

  remove(id: string): void {
    for (const word of this.byFaq.get(id) ?? []) {
      const n = (this.counts.get(word) ?? 0) - 1;
      if (n > 0) this.counts.set(word, n);
      else this.counts.delete(word);
    }
    this.byFaq.delete(id);
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }
}

const pairWord = (first: Token, second: Token): string => `p:${first.folded} ${second.folded}`;

/** The syllables of a slot as typed, when it was typed in Vietnamese. */
function typedTokens(slot: Slot | undefined): readonly Token[] {
  const literal = slot?.alternatives.find((alt) => alt.quality === QUALITY.literal);
  return literal?.lang === 'vi' ? literal.tokens : [];
}

/** Share of the question's content words the field knows, in [0, 1]; 0 for no content word. */
export function fieldShare(query: Query, vocabulary: FieldVocabulary): number {
  let content = 0;
  let known = 0;
  // A question typed with diacritics has its syllables read exactly (query.ts), marked; a
  // dictionary phrase's reading has the dictionary's diacritics, whatever was typed.
  const unaccented = !query.slots.some(
    (slot) => slot.massFrom !== 'readings' && typedTokens(slot).some((t) => t.marked),
  );
  // Whether the field writes `own` (the slot's syllables as typed or respelled) next to what the
  // question has before or after it.
  const pairedInField = (i: number, own: readonly Token[]): boolean => {
    const before = typedTokens(query.slots[i - 1]);
    const after = typedTokens(query.slots[i + 1]);
    return (
      (before.length > 0 && vocabulary.has(pairWord(before[before.length - 1], own[0]))) ||
      (after.length > 0 && vocabulary.has(pairWord(own[own.length - 1], after[0])))
    );
  };
  const lettersCredit = (token: Token): number => {
    const share = readingShare(token.folded, (exact) => vocabulary.has(`x:${exact}`));
    return share === undefined ? UNACCENTED_ALONE : Math.max(LETTERS_FLOOR, share);
  };
  for (const [i, slot] of query.slots.entries()) {
    // Typed without diacritics, a syllable is a content word as often as its letters mean one:
    // "vang" is mostly vàng (gold), seldom the particle vâng, so "gia vang hom nay" has two
    // content words the field does not write, as "giá vàng hôm nay" has.
    const typed = typedTokens(slot);
    const factor =
      unaccented && slot.massFrom === 'typed' && typed.length === 1
        ? lettersStopFactor(typed[0])
        : slot.stopFactor;
    if (factor < CONTENT_STOP_FACTOR) continue;
    // A dictionary phrase counts as the content words typed for it: "đi làm việc ở nước ngoài"
    // is four of the field's words, not one against "tiêu chuẩn"'s two.
    const weight = factor * (slot.typedContent ?? 1);
    content += weight;
    // A phrase of the dictionary or glossary is the field's, not a chat spelling of an everyday
    // word ("hum" for "hôm"): it has a reading of two or more syllables or an English one.
    if (
      slot.massFrom === 'readings' &&
      slot.alternatives.some((alt) => alt.lang === 'en' || alt.tokens.length > 1)
    ) {
      known += weight;
      continue;
    }
    if (slot.massFrom === 'unknown') continue;
    // The word as typed, or a respelling of it (teencode, a typo), as sure as that reading is.
    let best = 0;
    for (const alt of slot.alternatives) {
      if (alt.broader || alt.quality <= best) continue;
      // Typed with diacritics, a word is known with those diacritics ("giá" is not "gia").
      const words =
        alt.lang === 'vi'
          ? alt.tokens.map((t) => (t.marked ? `x:${t.exact}` : `v:${t.folded}`))
          : alt.stems.map((s) => `e:${s}`);
      if (!words.every((w) => vocabulary.has(w))) continue;
      const paired = alt.lang === 'vi' && pairedInField(i, alt.tokens);
      // Without diacritics, letters stand for several words, and a respelling (a typo's reading)
      // is a guess: either is sure only where it makes a pair the field writes ("gia han", "ket
      // hom" → "kết hôn"; not "gia vang", "hom nay" → "hôn nay").
      const ambiguousLetters =
        unaccented &&
        alt.lang === 'vi' &&
        alt.tokens.every((t) => isVietnameseSyllable(t.folded)) &&
        !paired;
      const sure = ambiguousLetters ? Math.min(...alt.tokens.map(lettersCredit)) : 1;
      best = Math.max(best, alt.quality * sure);
    }
    known += weight * best;
  }
  return content > 0 ? known / content : 0;
}
