/**
 * Vietnamese FAQ matcher: finds the staff-curated FAQ that answers a citizen's question, or says
 * honestly that none does. Pure TypeScript, no I/O: the API loads FAQs, synonyms and glossary
 * from the database and hands them over.
 *
 * Use
 *   const matcher = createMatcher({ faqs, synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY });
 *   matcher.match('mất hc rồi phải lm sao ạ');      // { status, best, confidence, suggestions, locale }
 *   matcher.upsert(faq); matcher.remove(id);         // one FAQ, cost proportional to its length
 *   matcher.setDictionaries({ synonyms, glossary }); // cheap: the FAQ index is kept
 * Build once per process and keep it; after an editor's change call upsert/remove (or
 * setDictionaries), no rebuild needed. Rebuilding from scratch is also fine (see figures below).
 *
 * How it works
 * - Text (../text): NFC, lower case, HTML/zero-width/emoji stripped, first 500 characters,
 *   syllable tokens with two keys each: diacritic-exact (tone as a digit, so "khoẻ" = "khỏe",
 *   "ký" = "kí") and folded ASCII ("dang ky").
 * - Index (term-index.ts): BM25F over the FAQ question + alternates + topic + tags (weight 1, the
 *   length of an average phrasing, so recording alternates does not dilute them) and answer
 *   (weight 0.7), English versions in their own fields; keys are folded syllables, exact
 *   syllables and syllable bigrams (Vietnamese words are mostly two syllables).
 * - Query (query.ts, lexicon.ts): the synonym dictionary and glossary (data, starter-*.ts) turn
 *   phrases into slots with alternative readings ("hc" → hộ chiếu | học, "passport" → hộ chiếu,
 *   "Nhật" → Nhật Bản, broader: nước ngoài); a reading that is itself an entry brings its own
 *   readings one step further ("xkld" → xuất khẩu lao động → đi làm việc ở nước ngoài), and the
 *   Vietnamese renderings of one glossary term read as each other, less surely ("em bé" /
 *   "trẻ em" / "con" for "child"). In a question typed with diacritics an unaccented syllable is
 *   read as itself ("thi" is an exam, not "thì"); a syllable whose diacritics no FAQ uses is a slip
 *   when a neighbour makes a pair the FAQs use ("mát hộ chiếu"), else another word the FAQs do
 *   not have ("bằng lái" vs the FAQs' "lại"), weighed as unknown. Unknown syllables also get
 *   teencode respellings and one-edit typo readings. Function words weigh little, and so do the
 *   words every request is framed with ("xin", "cấp", "nộp", "nhanh", "tốt"; stop-words.ts); a
 *   repeated word counts once.
 * - Score (scoring.ts): per FAQ, the IDF-weighted share of the question it explains ("query
 *   coverage"; an exact diacritic match earns more than one with other diacritics).
 * - Phrasing (phrasings.ts): how much of the FAQ's own best phrasing (question, an alternate or
 *   the topic) the question accounts for, counted in units of meaning read with the same
 *   dictionary, so "xuất khẩu lao động" and "du học" are one thing each to account for. A
 *   phrasing that names another thing of the kind the question names (same broader term:
 *   "Hàn Quốc" vs "Nhật", "hộ chiếu" vs "căn cước") counts a tenth.
 * - Decide (confidence.ts): the best FAQ is the one with the highest query coverage^0.8 ×
 *   phrasing coverage^0.2. Confidence = √(query coverage × phrasing coverage), cut (cubed
 *   ratio) when another FAQ explains clearly more of the question (under 95% of the best query
 *   coverage): the question is then partly about something this FAQ does not cover. Answer if
 *   ≥ 0.32; `ambiguous` when another candidate is within 0.05 or higher; else `no_answer`.
 *   Shares of IDF mass, so the threshold does not drift with the number of FAQs or the
 *   question's length.
 *
 * Measured on the dev set (packages/domain/test/fixtures/qa-dev: 24 FAQs, 120 questions; `npm run eval:dev` in
 * packages/domain, flags --verbose --ablation --leave-out --sweep --minisearch --bench); the API's
 * `node bench/eval-qa.mjs` gives the same figures through POST /api/v1/assistant/ask:
 * - this matcher: top-1 96% (paraphrase 96%, no_diacritics 100%, abbrev_teencode 100%,
 *   typo 100%, colloquial 88%, english 100%), out-of-scope refused 90%; the same from threshold
 *   0.30 to 0.34 (0.36: 93% / 95%). The previous version: 92% (paraphrase 83%), 85% refused, with
 *   0.30 the only threshold reaching both.
 * - leave-FAQs-out (each FAQ removed once, 6 folds of 4): 68% of the orphaned questions refused,
 *   4 of 100 answered with confidence ≥ 0.5; the remaining questions 96.2% top-1 (previous
 *   version: 63%, 7, 92.4%). Some orphans fairly land on a neighbouring FAQ (a lost passport's
 *   questions on "passport renewal abroad").
 * - without any synonyms/glossary 73% / 85% refused; with only half of them 90% or 89% / 85%:
 *   the dictionaries help broadly, no single entry carries the score. Each mechanism above,
 *   removed alone, costs something and none carries the score: glossary siblings 94% top-1;
 *   chained readings 95% and 63% of orphans refused; contrast, accented reading or the agreement
 *   cut 85% refused (the cut also 56% orphans); request-frame words 75% refused; ranking by
 *   query coverage alone 91% top-1 (95% refused), by confidence alone 95%; answer weight 0.5 95%.
 * - MiniSearch 7.2 over the same folded tokens (fuzzy 0.2, prefix, question boost 3): top-1 ranking
 *   73% (english 0%), 80% with the same synonym expansion; refusing 75% of out-of-scope questions
 *   (best threshold on its normalised score) leaves it 65%.
 * - speed (`--bench`: the dev FAQs replicated and perturbed; 2-core machine, load average ≈ 1.5):
 *   1,000 FAQs build ≈ 0.3 s, match p50 ≈ 1.0 ms, p95 ≈ 2 ms; 10,000 FAQs build ≈ 2.4 s
 *   (2.6 s CPU), match p50 ≈ 6 ms, p95 ≈ 13 ms; upsert of one FAQ 1–2 ms. The first time a FAQ
 *   is among a question's candidates its phrasings are read with the dictionary (≈ 0.2 ms per
 *   FAQ, again after setDictionaries), so the first pass over new FAQs is slower (1,000 FAQs:
 *   p50 ≈ 2.4 ms, p95 ≈ 15 ms). The previous version, measured alongside: 1,000 FAQs p50 0.8 ms,
 *   p95 1.6 ms; 10,000 FAQs build 4.1 s.
 */
export { createMatcher, type FaqMatcher, type MatcherConfig } from './matcher';
export { STARTER_SYNONYMS } from './starter-synonyms';
export {
  evaluateQuestions,
  evaluateSet,
  formatLeaveOut,
  formatReport,
  learningRun,
  leaveOut,
  type Dictionaries,
  type InScopeCounts,
  type LeaveOutReport,
  type OutOfScopeCounts,
  type QaQuestion,
  type QaReport,
  type QaSet,
} from './evaluation';
export { STARTER_GLOSSARY } from './starter-glossary';
export type {
  FaqEntry,
  GlossaryEntry,
  Locale,
  MatcherOptions,
  MatchRequestOptions,
  MatchResult,
  MatchStatus,
  ScoredFaq,
  SynonymEntry,
} from './types';
