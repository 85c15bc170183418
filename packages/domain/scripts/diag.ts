import { readFileSync } from 'node:fs';
import { createMatcher, STARTER_GLOSSARY, STARTER_SYNONYMS, type FaqEntry } from '../src/matching';
const dir = '/work/shared/data/qa-dev';
const faqs = JSON.parse(readFileSync(`${dir}/faqs.json`, 'utf8')) as FaqEntry[];
for (const f of faqs) f.alternates ??= [];
const qs = JSON.parse(readFileSync(`${dir}/questions.json`, 'utf8')) as { q: string; expect: string | null; kind: string }[];
const m = createMatcher({ faqs, synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY, options: { threshold: 0, maxSuggestions: 24 } });
const rows: string[] = [];
const good: number[] = [];
const bad: number[] = [];
for (const q of qs) {
  const r = m.match(q.q);
  const s = r.suggestions;
  const top = s[0];
  const exp = q.expect ? s.findIndex((x) => x.id === q.expect) : -1;
  const expConf = exp >= 0 ? s[exp].confidence : 0;
  if (q.expect) good.push(top?.id === q.expect ? top.confidence : -expConf);
  else bad.push(top?.confidence ?? 0);
  rows.push(`${(q.expect ?? '----').padEnd(4)} ${q.kind.slice(0, 6).padEnd(6)} top ${top?.id ?? '-'} ${top?.confidence.toFixed(2) ?? ''} 2nd ${s[1]?.id ?? '-'} ${s[1]?.confidence.toFixed(2) ?? ''} exp#${exp} ${expConf.toFixed(2)} ${top?.id === q.expect ? '  ' : '✗ '}${q.q}`);
}
console.log(rows.join('\n'));
good.sort((a, b) => a - b); bad.sort((a, b) => b - a);
console.log('correct-top confidences (neg = wrong top, value = exp conf):', good.slice(0, 20).map((x) => x.toFixed(2)).join(' '));
console.log('OOS top confidences:', bad.map((x) => x.toFixed(2)).join(' '));
