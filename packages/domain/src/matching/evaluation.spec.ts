import { describe, expect, it } from 'vitest';
import { learningRun, seededRandom } from './evaluation';
import type { QaSet } from './evaluation';

const faq = (id: string, question: string) => ({ id, question, alternates: [], answer: question });

const SET: QaSet = {
  faqs: [
    faq('visa', 'Gia hạn thị thực ở Hàn Quốc cần giấy tờ gì?'),
    faq('passport', 'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?'),
  ],
  questions: [
    ...['gia han visa han quoc', 'visa hết hạn ở hàn', 'xin gia hạn thị thực', 'gia hạn visa'].map(
      (q) => ({ q, expect: 'visa', kind: 'paraphrase' }),
    ),
    ...['mat ho chieu', 'mất passport', 'làm mất hộ chiếu bên nhật'].map((q) => ({
      q,
      expect: 'passport',
      kind: 'paraphrase',
    })),
    { q: 'giá vàng hôm nay', expect: null, kind: 'out_of_scope' },
  ],
};
const dictionaries = { synonyms: [], glossary: [] };

describe('the learning run', () => {
  it('learns half of each FAQ’s questions (rounded up) and measures the rest and every out-of-scope question', () => {
    const report = learningRun(SET, dictionaries);
    expect(report.inScope.total).toBe(2 + 1);
    expect(report.outOfScope.total).toBe(1);
  });

  it('draws its split from numbers that repeat with the seed and change with it', () => {
    const a = seededRandom(14);
    const b = seededRandom(14);
    const c = seededRandom(15);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});
