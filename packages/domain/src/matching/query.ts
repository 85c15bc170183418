/**
 * Turns the tokens of a question into slots: phrases of the synonym dictionary and glossary,
 * function phrases, and single syllables, each with the ways a FAQ may express it.
 */
import { foldDiacritics, isVietnameseSyllable, tokenise, type Token } from '../text';
import { englishStem } from './english';
import { bigramKey, englishBigramKey, type Key } from './keys';
import { isForeignToVietnamese, type Lexicon } from './lexicon';
import { QUALITY, type Alternative, type Query, type Slot } from './query-types';
import {
  CONTENT_STOP_FACTOR,
  listedStopFactor,
  matchStopPhrase,
  phraseStopFactor,
  stopFactor,
} from './stop-words';
import { teencodeRespellings, type TypoIndex } from './typo';

const MAX_TYPO_READINGS = 3;

export interface QueryContext {
  readonly lexicon: Lexicon;
  /** Typo neighbours among folded syllables, for tokens typed without accents. */
  readonly foldedTypos: TypoIndex;
  /** Typo neighbours among exact syllables, for tokens typed with accents. */
  readonly exactTypos: TypoIndex;
  /** Whether any FAQ contains this folded syllable. */
  readonly inVocabulary: (folded: string) => boolean;
  /** Whether any FAQ contains this syllable with these diacritics (exact key). */
  readonly exactInVocabulary: (exact: string) => boolean;
  /**
   * Whether some FAQ has these two syllables next to each other, `anchor` (the first or second)
   * with its own diacritics if typed with any, the other with any diacritics.
   */
  readonly pairInVocabulary: (first: Token, second: Token, anchor: 0 | 1) => boolean;
}

/**
 * The slots of a question (and, for a question, its typed pairs and no repeated slot; a FAQ's
 * phrasing, read the same way, needs neither: `asQuestion` false).
 */
export function buildQuery(
  tokens: readonly Token[],
  english: boolean,
  ctx: QueryContext,
  asQuestion = true,
): Query {
  const accented = !english && typedWithDiacritics(tokens);
  const readings = tokens.map((t) => exactReading(t, accented));
  const slots: Slot[] = [];
  // Pairs inside a dictionary phrase: the phrase is one slot already, its pairs add nothing.
  const inPhrase = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const phrase = ctx.lexicon.longestMatch(tokens, i, english);
    if (phrase) {
      for (let k = i + 1; k < i + phrase.length; k++) inPhrase.add(k);
      const slot = phraseSlot(readings.slice(i, i + phrase.length), phrase.alternatives, english);
      if (phrase.length === 1) pushCameBack(slots, slot, readings, i, ctx);
      else slots.push(slot);
      i += phrase.length;
      continue;
    }
    const stopPhraseLength = english ? 0 : matchStopPhrase(readings, i);
    if (stopPhraseLength > 0) {
      const span = readings.slice(i, i + stopPhraseLength);
      slots.push({
        alternatives: [{ lang: 'vi', tokens: span, quality: QUALITY.literal }],
        stopFactor: phraseStopFactor(span, false),
        massFrom: 'typed',
      });
      i += stopPhraseLength;
      continue;
    }
    const slot = tokenSlot(tokens, readings, i, english, ctx);
    if (english) slots.push(slot);
    else pushCameBack(slots, slot, readings, i, ctx);
    i++;
  }
  if (!asQuestion) return { slots, bigrams: [] };
  // Saying a word twice says no more than saying it once ("visa visa visa", "blah blah").
  const seenSlots = new Set<string>();
  const seenPairs = new Set<Key>();
  return {
    slots: slots.filter((slot) => {
      const key = `${slot.massFrom}|${slot.alternatives.map(altKey).join('|')}`;
      if (seenSlots.has(key)) return false;
      seenSlots.add(key);
      return true;
    }),
    bigrams: typedBigrams(readings, english).filter((pair, k) => {
      if (inPhrase.has(k + 1) || seenPairs.has(pair.key)) return false;
      seenPairs.add(pair.key);
      return true;
    }),
  };
}

/**
 * Pushes the slot of token `i`. "Đi Nhật về", "ở nước ngoài về", "đi xklđ về": a bare "về" right
 * after a place abroad means came back from it, home, as "về nước" says, where the FAQs about
 * people back home write "về nước"; the trip itself ("đi", the place) then weighs less. Not when
 * a place follows ("về quê", "về nhà", "về Việt Nam" say where), nor after anything else ("học
 * về cái gì", "gửi tiền về").
 */
function pushCameBack(
  slots: Slot[],
  slot: Slot,
  readings: readonly Token[],
  i: number,
  ctx: QueryContext,
): void {
  const token = readings[i];
  const place = slots.at(-1);
  const next = readings[i + 1];
  const cameBack =
    token.folded === 've' &&
    (!token.marked || token.exact === VE.exact) &&
    !(next && PLACES_AFTER_VE.has(next.folded));
  const home = cameBack ? ctx.lexicon.longestMatch(VE_NUOC, 0, false) : undefined;
  if (
    !place ||
    !home ||
    home.length !== VE_NUOC.length ||
    !namesPlaceAbroad(place, readings[i - 1], ctx)
  ) {
    slots.push(slot);
    return;
  }
  const inferred = home.alternatives.map((alt) => ({
    ...alt,
    quality: Math.min(alt.quality, QUALITY.synonym),
  }));
  // "về" alone (gửi tiền về, về nhà) is not yet "came home": the FAQs that say so count most.
  const typed = slot.alternatives.map((alt) => ({ ...alt, quality: alt.quality * LONE_VE }));
  // The trip is what the person came back from, not what the question is about.
  slots[slots.length - 1] = { ...place, stopFactor: place.stopFactor * PLACE_FACTOR };
  const before = slots.at(-2);
  if (before?.alternatives.some(isTripVerb)) {
    slots[slots.length - 2] = { ...before, stopFactor: before.stopFactor * PLACE_FACTOR };
  }
  slots.push({ ...slot, alternatives: [...inferred, ...typed], massFrom: 'readings' });
}
// The place and the going of "đi Nhật về" weigh half: the question is about being back.
const PLACE_FACTOR = 0.5;
const TRIP_VERBS = new Set(['di', 'o', 'sang', 'qua', 'lam']);
function isTripVerb(alt: Alternative): boolean {
  return alt.lang === 'vi' && alt.tokens.length === 1 && TRIP_VERBS.has(alt.tokens[0].folded);
}
const [VE] = tokenise('về');
// "về" alone, in a question that says came back: FAQs with only "về" (gửi tiền về nhà) count half.
const LONE_VE = 0.5;
const VE_NUOC = tokenise('về nước');
// What may follow "về" to say where: then "về" is not "về nước" by itself.
const PLACES_AFTER_VE = new Set([
  'nuoc',
  'que',
  'nha',
  'viet',
  'vn',
  'lang',
  'xa',
  'tinh',
  'thanh',
]);

/** Whether the slot before "về" names a place abroad, or typed without accents may ("nhat"). */
function namesPlaceAbroad(place: Slot, typed: Token | undefined, ctx: QueryContext): boolean {
  if (place.alternatives.some(namesAbroad)) return true;
  return (
    typed !== undefined &&
    !typed.marked &&
    place.alternatives.length === 1 &&
    ctx.lexicon.mayRead(typed.folded, namesAbroad)
  );
}

/** A reading that is abroad or a place abroad: "nước ngoài", a country (broader: nước ngoài). */
function namesAbroad(alt: Alternative): boolean {
  return (
    alt.lang === 'vi' &&
    alt.tokens
      .map((t) => t.folded)
      .join(' ')
      .includes('nuoc ngoai')
  );
}

function altKey(alt: Alternative): string {
  return alt.lang === 'vi' ? alt.tokens.map((t) => t.exact).join(' ') : `en:${alt.stems.join(' ')}`;
}

// A phrase counts as little as its most function-like reading: "ko" is read as "không". What
// was typed counts too when it is itself a function word or phrase ("mọi người"); a dictionary
// phrase is not made lighter by one of its syllables ("can cuoc", where "can" may be "cần").
function phraseSlot(
  typed: readonly Token[],
  alternatives: readonly Alternative[],
  english: boolean,
): Slot {
  const typedFactor =
    typed.length === 1 ? stopFactor(typed[0], english) : (listedStopFactor(typed, english) ?? 1);
  const typedContent = typed.filter((t) => stopFactor(t, english) >= CONTENT_STOP_FACTOR).length;
  return {
    alternatives,
    stopFactor: Math.min(typedFactor, readingsStopFactor(alternatives)),
    massFrom: 'readings',
    typedContent: Math.max(1, typedContent),
  };
}

// The dictionary's lists of readings are fixed once made, so their factor is worked out once.
const readingFactors = new WeakMap<readonly Alternative[], number>();

function readingsStopFactor(alternatives: readonly Alternative[]): number {
  let factor = readingFactors.get(alternatives);
  if (factor === undefined) {
    factor = 1;
    for (const alt of alternatives) {
      if (alt.lang === 'vi' && !alt.broader && alt.quality >= QUALITY.synonym) {
        factor = Math.min(factor, phraseStopFactor(alt.tokens, false));
      }
    }
    readingFactors.set(alternatives, factor);
  }
  return factor;
}

/**
 * Whether the question is typed with Vietnamese diacritics. Then an unaccented syllable is read
 * as itself, level tone and all ("thi" is an exam, not "thì"), as an accented one is.
 */
function typedWithDiacritics(tokens: readonly Token[]): boolean {
  let syllables = 0;
  let marked = 0;
  for (const token of tokens) {
    if (token.marked) marked++;
    if (token.marked || isVietnameseSyllable(token.folded)) syllables++;
  }
  return marked >= MIN_MARKED && marked >= MARKED_SHARE * syllables;
}
const MIN_MARKED = 2;
const MARKED_SHARE = 0.4;

/** The token as read exactly: in a question typed with diacritics, an unaccented syllable too. */
function exactReading(token: Token, accented: boolean): Token {
  if (token.marked || !accented || !isVietnameseSyllable(token.folded)) return token;
  let read = exactReadings.get(token);
  if (!read) {
    read = { ...token, marked: true };
    exactReadings.set(token, read);
  }
  return read;
}
const exactReadings = new WeakMap<Token, Token>();

/**
 * How a syllable read exactly relates to the FAQs' words:
 * - `known`: some FAQ has it with these diacritics;
 * - `slip`: no FAQ has these diacritics but a neighbour makes a pair the FAQs use, so it is
 *   probably a slip of the keyboard ("mát hộ chiếu" for "mất hộ chiếu"), or only its tone is
 *   missing ("Nhât" for "Nhật"), read by its letters;
 * - `other`: no FAQ has these diacritics and nothing suggests a slip: another word ("lái" where
 *   FAQs only have "lại", "đỏ" vs "đó");
 * - `unknown`: not even its letters are used.
 */
function exactStatus(
  readings: readonly Token[],
  i: number,
  ctx: QueryContext,
): 'known' | 'slip' | 'other' | 'unknown' {
  const token = readings[i];
  if (ctx.exactInVocabulary(token.exact)) return 'known';
  if (!ctx.inVocabulary(token.folded)) return 'unknown';
  const before = readings[i - 1];
  const after = readings[i + 1];
  const supported =
    (before && supports(before, [before, token]) && ctx.pairInVocabulary(before, token, 0)) ||
    (after && supports(after, [token, after]) && ctx.pairInVocabulary(token, after, 1));
  return supported || toneDropped(token, ctx) ? 'slip' : 'other';
}

/**
 * Typed with a vowel's marks but no tone ("nươc", "Nhât", "biêt") where the FAQs only have the
 * syllable with a tone ("nước", "Nhật", "biết"): the tone was left out, as people often do on a
 * phone, rather than another word ("lái" for "lại" has a tone of its own and stays one).
 */
function toneDropped(token: Token, ctx: QueryContext): boolean {
  if (/\d$/.test(token.exact)) return false;
  for (let tone = 1; tone <= 5; tone++) {
    if (ctx.exactInVocabulary(`${token.exact}${tone}`)) return true;
  }
  return false;
}

// A function word goes with anything ("lái ở" is not "lại ở"), so it supports a slip only where
// the pair is itself a function phrase ("ở đau" for "ở đâu").
function supports(neighbour: Token, pair: readonly Token[]): boolean {
  const plain = pair.map((t) => ({ ...t, exact: t.folded, marked: false }));
  return stopFactor(neighbour, false) >= 0.5 || listedStopFactor(plain, false) !== undefined;
}

function tokenSlot(
  tokens: readonly Token[],
  readings: readonly Token[],
  i: number,
  english: boolean,
  ctx: QueryContext,
): Slot {
  const token = tokens[i];
  if (english) {
    // English words are looked up in English texts; in Vietnamese ones only if they cannot be
    // Vietnamese syllables ("zalo", "gcm"), else "do" or "can" would match "đỏ" or "cần".
    const alternatives: Alternative[] = [
      { lang: 'en', stems: [englishStem(token)], quality: QUALITY.literal },
    ];
    if (isForeignToVietnamese(token)) {
      alternatives.push({ lang: 'vi', tokens: [token], quality: QUALITY.literal });
    }
    return { alternatives, stopFactor: stopFactor(token, true), massFrom: 'typed' };
  }
  const reading = readings[i];
  const status = reading.marked ? exactStatus(readings, i, ctx) : 'known';
  // A slip is read by its letters, as if typed without diacritics.
  const read = status === 'slip' ? { ...token, exact: token.folded, marked: false } : reading;
  const alternatives: Alternative[] = [{ lang: 'vi', tokens: [read], quality: QUALITY.literal }];
  if (!ctx.inVocabulary(token.folded)) alternatives.push(...respellings(token, ctx));
  return {
    alternatives,
    stopFactor: stopFactor(read, false),
    massFrom: status === 'other' ? 'unknown' : 'typed',
  };
}

// Readings of a syllable that no FAQ uses: teencode letter swaps first, then one-letter typos.
// A typo reading of a short syllable is worth less: it has many accidental neighbours.
function respellings(token: Token, ctx: QueryContext): Alternative[] {
  const plain = (folded: string): Token => ({ text: folded, exact: folded, folded, marked: false });
  const accented = (exact: string): Token => ({
    text: exact,
    exact,
    folded: foldDiacritics(exact.replace(/\d$/, '')),
    marked: true,
  });
  const teencode = teencodeRespellings(token.folded).filter(ctx.inVocabulary);
  const typoQuality = QUALITY.typo * Math.min(1, (token.folded.length - 1) / 4);
  const candidates = token.marked
    ? ctx.exactTypos.candidates(token.exact).map(accented)
    : ctx.foldedTypos
        .candidates(token.folded)
        .filter((w) => !teencode.includes(w))
        .map(plain);
  // With many neighbours, no reading is more likely than the others: not a correctable typo.
  const typos = candidates.length <= MAX_TYPO_READINGS ? candidates : [];
  return [
    ...teencode.map((w) => ({
      lang: 'vi' as const,
      tokens: [plain(w)],
      quality: QUALITY.teencode,
    })),
    ...typos.map((t) => ({ lang: 'vi' as const, tokens: [t], quality: typoQuality })),
  ];
}

function typedBigrams(tokens: readonly Token[], english: boolean): Query['bigrams'] {
  const bigrams: { key: Key; stopFactor: number }[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1], tokens[i]];
    const key = english
      ? englishBigramKey(englishStem(a), englishStem(b))
      : bigramKey(a.folded, b.folded);
    bigrams.push({ key, stopFactor: (stopFactor(a, english) + stopFactor(b, english)) / 2 });
  }
  return bigrams;
}
