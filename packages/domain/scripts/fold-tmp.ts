import { readFileSync } from 'node:fs';
import { tokenise, DOCUMENT_LIMITS } from '../src/text';
const faqs = JSON.parse(readFileSync('/work/shared/data/qa-dev/faqs.json', 'utf8'));
const pat = process.argv[2];
for (const f of faqs) { const t = tokenise(`${f.question} ${f.topic} ${f.answer}`, DOCUMENT_LIMITS).map((x) => x.folded).join(' '); const i = t.indexOf(pat); if (i >= 0) console.log(f.id, t.slice(Math.max(0, i - 40), i + 40)); }
