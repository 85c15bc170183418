import { readFileSync } from 'node:fs';
import { STARTER_GLOSSARY, STARTER_SYNONYMS, type FaqEntry } from '../src/matching';
import { tokenise } from '../src/text';
import { TermIndex } from '../src/matching/term-index';
import { TypoIndex } from '../src/matching/typo';
import { bigramKey, exactKey, englishField, foldedKey, isExactKey, isFoldedKey, vietnameseField, wordOf } from '../src/matching/keys';
import { Lexicon } from '../src/matching/lexicon';
import { buildQuery } from '../src/matching/query';
import { scoreQuery, slotWeight } from '../src/matching/scoring';
import { phrasingCoverage, phrasingsOf, queryKeys } from '../src/matching/phrasings';
import { stopFactor } from '../src/matching/stop-words';
const dir = '/work/shared/data/qa-dev';
const faqs = JSON.parse(readFileSync(`${dir}/faqs.json`, 'utf8')) as FaqEntry[];
const qs = JSON.parse(readFileSync(`${dir}/questions.json`, 'utf8')) as { q: string; expect: string | null; kind: string }[];
const ft = new TypoIndex(); const et = new TypoIndex();
const index = new TermIndex((key, added) => { const t = isFoldedKey(key) ? ft : isExactKey(key) ? et : undefined; if (added) t?.add(wordOf(key)); });
const ph = new Map<string, ReturnType<typeof phrasingsOf>>();
for (const f of faqs) {
  index.upsert(f.id, { question: vietnameseField([f.question, f.topic]), answer: vietnameseField([f.answer]), questionEn: englishField([]), answerEn: englishField([]) });
  ph.set(f.id, phrasingsOf({ ...f, alternates: [] }));
}
const lex = new Lexicon(STARTER_SYNONYMS, STARTER_GLOSSARY);
const only = process.argv[2];
for (const q of qs) {
  if (only && !q.q.includes(only)) continue;
  const tokens = tokenise(q.q);
  const query = buildQuery(tokens, q.kind === 'english', { lexicon: lex, foldedTypos: ft, exactTypos: et, inVocabulary: (w) => index.df(foldedKey(w)) > 0, exactInVocabulary: (w) => index.df(exactKey(w)) > 0, pairInVocabulary: (a, b, k) => { const pair = index.saturations(bigramKey(a.folded, b.folded)).docs; const n = k === 0 ? a : b; if (!n.marked) return pair.length > 0; const w = new Set(index.saturations(exactKey(n.exact)).docs); return pair.some((d) => w.has(d)); } });
  const keys = queryKeys(query);
  const c = scoreQuery(query, index, 5).map((x) => ({ ...x, p: phrasingCoverage(ph.get(x.id) ?? [], keys, index) }));
  const unk = query.slots.filter((s) => s.massFrom === 'unknown').map((s) => s.alternatives[0].lang === 'vi' ? s.alternatives[0].tokens.map((t) => t.text).join(' ') : '');
  let mass = 0; let unkMass = 0;
  for (const sl of query.slots) { const w = slotWeight(sl, index); mass += w; const known = sl.massFrom !== 'unknown' && sl.alternatives.some((a) => a.lang === 'vi' ? a.tokens.every((t) => index.df(foldedKey(t.folded)) > 0) : true); if (!known) unkMass += w; }
  const oov = tokens.filter((t) => index.df(foldedKey(t.folded)) === 0).map((t) => `${t.text}(${stopFactor(t, false)})`);
  console.log(`${q.expect ?? '----'} ${q.kind.slice(0, 6)} ${q.q}\n   oov: ${oov.join(' ')} unk: ${unk.join(',')} unkShare=${(unkMass / mass).toFixed(2)}\n   ` + c.map((x) => `${x.id}${x.id === q.expect ? '*' : ''} q=${x.coverage.toFixed(2)} p=${x.p.toFixed(2)} c=${Math.sqrt(x.coverage * x.p).toFixed(2)} s=${x.score.toFixed(1)}`).join(' | '));
}
// slot breakdown: DIAG_Q=substring DIAG_F=id1,id2
if (process.env.DIAG_Q) {
  const q = qs.find((x) => x.q.includes(process.env.DIAG_Q!))!;
  const tokens = tokenise(q.q);
  const ctx = { lexicon: lex, foldedTypos: ft, exactTypos: et, inVocabulary: (w: string) => index.df(foldedKey(w)) > 0, exactInVocabulary: (w: string) => index.df(exactKey(w)) > 0, pairInVocabulary: () => true };
  const query = buildQuery(tokens, q.kind === 'english', ctx);
  const ids = (process.env.DIAG_F ?? '').split(',');
  for (const sl of query.slots) {
    const w = slotWeight(sl, index);
    const parts = ids.map((id) => {
      const sub = { slots: [sl], bigrams: [] };
      const r = scoreQuery(sub, index, 30).find((c) => c.id === id);
      return `${id}:${r ? r.coverage.toFixed(2) : '0'}`;
    });
    const label = sl.alternatives.map((a) => (a.lang === 'vi' ? a.tokens.map((t) => t.text).join(' ') : a.stems.join(' ')) + `(${a.quality})`).join('|');
    console.log(`  w=${w.toFixed(2)} ${sl.massFrom.padEnd(8)} ${parts.join(' ')}  ${label}`);
  }
  for (const b of query.bigrams) { const df = index.df(b.key); if (df) console.log(`  bigram df=${df} w=${(0.5 * b.stopFactor * index.idf(df)).toFixed(2)} ${wordOf(b.key)}`); }
}
