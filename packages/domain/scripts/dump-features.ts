// Throwaway analysis: features of the top candidates for every dev question, full base and leave-out folds.
import { readFileSync, writeFileSync } from 'node:fs';
import { STARTER_GLOSSARY, STARTER_SYNONYMS, type FaqEntry } from '../src/matching';
import { tokenise } from '../src/text';
import { TermIndex } from '../src/matching/term-index';
import { TypoIndex } from '../src/matching/typo';
import { bigramKey, exactKey, englishField, foldedKey, isExactKey, isFoldedKey, vietnameseField, wordOf } from '../src/matching/keys';
import { Lexicon } from '../src/matching/lexicon';
import { buildQuery } from '../src/matching/query';
import { scoreQuery, slotWeight } from '../src/matching/scoring';
import { phrasingCoverage, phrasingsOf, queryKeys } from '../src/matching/phrasings';
import { looksEnglish } from '../src/matching/english';
const dir = '/work/shared/data/qa-dev';
const faqs = JSON.parse(readFileSync(`${dir}/faqs.json`, 'utf8')) as FaqEntry[];
for (const f of faqs) f.alternates ??= [];
const qs = JSON.parse(readFileSync(`${dir}/questions.json`, 'utf8')) as { q: string; expect: string | null; kind: string }[];
const lex = new Lexicon(STARTER_SYNONYMS, STARTER_GLOSSARY);
const out: unknown[] = [];
function run(set: string, base: FaqEntry[], removed: Set<string>) {
  const ft = new TypoIndex(); const et = new TypoIndex();
  const index = new TermIndex((key, added) => { const t = isFoldedKey(key) ? ft : isExactKey(key) ? et : undefined; if (added) t?.add(wordOf(key)); else t?.delete(wordOf(key)); });
  const ph = new Map<string, { q: ReturnType<typeof phrasingsOf>; t: ReturnType<typeof phrasingsOf> }>();
  for (const f of base) {
    index.upsert(f.id, { question: vietnameseField([f.question, ...f.alternates, f.topic]), answer: vietnameseField([f.answer]), questionEn: englishField([f.questionEn]), answerEn: englishField([f.answerEn]) });
    ph.set(f.id, { q: phrasingsOf({ ...f, topic: undefined }), t: phrasingsOf({ ...f, question: '', alternates: [] }) });
  }
  for (const q of qs) {
    if (set !== 'dev' && (q.expect === null)) continue;
    const tokens = tokenise(q.q);
    const english = looksEnglish(tokens, (w) => lex.isAbbreviation(w));
    const query = buildQuery(tokens, english, { lexicon: lex, foldedTypos: ft, exactTypos: et, inVocabulary: (w) => index.df(foldedKey(w)) > 0, exactInVocabulary: (w) => index.df(exactKey(w)) > 0, pairInVocabulary: (a, b, k) => { const pair = index.saturations(bigramKey(a.folded, b.folded)).docs; const n = k === 0 ? a : b; if (!n.marked) return pair.length > 0; const w = new Set(index.saturations(exactKey(n.exact)).docs); return pair.some((d) => w.has(d)); } });
    const keys = queryKeys(query);
    let mass = 0; let unk = 0;
    for (const sl of query.slots) { const w = slotWeight(sl, index); mass += w; if (sl.massFrom === 'unknown' || sl.alternatives.every((a) => a.quality < 1 || (a.lang === 'vi' ? a.tokens.some((t) => index.df(foldedKey(t.folded)) === 0) : false))) unk += w; }
    const cands = scoreQuery(query, index, 20).map((c) => ({ id: c.id, q: c.coverage, s: c.score, pq: phrasingCoverage(ph.get(c.id)!.q, keys, index), pt: phrasingCoverage(ph.get(c.id)!.t, keys, index) }));
    const orphan = q.expect !== null && removed.has(q.expect);
    out.push({ set, q: q.q, kind: q.kind, expect: orphan ? null : q.expect, orphan, mass, unk, cands });
  }
}
run('dev', faqs, new Set());
const folds = 6;
for (let k = 0; k < folds; k++) { const removed = new Set(faqs.filter((_, i) => i % folds === k).map((f) => f.id)); run(`fold${k}`, faqs.filter((f) => !removed.has(f.id)), removed); }
writeFileSync('/tmp/work/features.json', JSON.stringify(out));
console.log(out.length);
