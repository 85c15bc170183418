import { describe, expect, it } from 'vitest';
import {
  evaluateRule,
  MAX_RULE_DEPTH,
  MAX_RULE_LENGTH,
  parseRule,
  type RuleExpression,
  type RuleParseError,
  ruleFields,
  type RuleValues,
} from './rules';

/** Parses a rule the test knows to be valid. */
function rule(text: string): RuleExpression {
  const result = parseRule(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.rule;
}

function parseError(text: string): RuleParseError {
  const result = parseRule(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.error;
}

const check = (text: string, values: RuleValues) => evaluateRule(rule(text), values);

describe('parseRule', () => {
  it('reads a comparison of two fields', () => {
    expect(rule('victims <= cases')).toEqual({
      kind: 'compare',
      operator: '<=',
      left: { kind: 'field', key: 'victims', position: 0 },
      right: { kind: 'field', key: 'cases', position: 11 },
      position: 8,
    });
  });

  it('gives * and / precedence over + and -, and reads left to right', () => {
    const parsed = rule('a - b - c * 2 = d / 4');
    expect(parsed).toMatchObject({
      kind: 'compare',
      left: {
        kind: 'arithmetic',
        operator: '-',
        left: { kind: 'arithmetic', operator: '-', left: { key: 'a' }, right: { key: 'b' } },
        right: { kind: 'arithmetic', operator: '*', left: { key: 'c' }, right: { value: 2 } },
      },
      right: { kind: 'arithmetic', operator: '/' },
    });
  });

  it('binds not tighter than and, and and tighter than or', () => {
    expect(rule('not a < b and c > d or e = f')).toMatchObject({
      kind: 'or',
      left: { kind: 'and', left: { kind: 'not', operand: { kind: 'compare' } } },
      right: { kind: 'compare', operator: '=' },
    });
  });

  it('takes parentheses around numbers and around comparisons alike', () => {
    expect(rule('(a + b) * 2 <= c')).toMatchObject({
      left: { kind: 'arithmetic', operator: '*', left: { operator: '+' } },
    });
    expect(rule('(a <= b) and ((c <= d))')).toMatchObject({ kind: 'and' });
    expect(rule('a <= b and (c <= d or e <= f)')).toMatchObject({
      kind: 'and',
      right: { kind: 'or' },
    });
    expect(rule('-a < -(b - 1)')).toMatchObject({
      left: { kind: 'negate' },
      right: { kind: 'negate' },
    });
  });

  it('reads the other ways people write operators and keywords', () => {
    expect(rule('a ≤ b && c == d || !(e <> f) AND g ≥ 1.5 × h ÷ 2 Or i ≠ j − 1')).toBeTruthy();
    expect(rule('Victims <= CASES')).toMatchObject({
      left: { key: 'victims' },
      right: { key: 'cases' },
    });
    expect(rule('a<=b')).toMatchObject({ operator: '<=' });
    expect(rule('a != b')).toMatchObject({ operator: '!=' });
  });

  it('says what is wrong, where, in Vietnamese', () => {
    expect(parseError('')).toEqual({
      message: 'Quy tắc đang để trống; hãy viết một phép so sánh, ví dụ victims <= cases.',
      position: 0,
    });
    expect(parseError('a <= b;')).toEqual({
      message: 'Ký tự “;” ở vị trí 7 không dùng được trong quy tắc.',
      position: 6,
    });
    expect(parseError('số_vụ <= b').position).toBe(1);
    expect(parseError('a <= 0,5').message).toMatch(/dấu chấm/);
    expect(parseError('(a + b <= c')).toEqual({
      message: 'Thiếu dấu “)” ở vị trí 12 để đóng dấu “(” ở vị trí 1.',
      position: 11,
    });
    expect(parseError('a <= b)').message).toMatch(/Thừa dấu “\)” ở vị trí 7/);
    expect(parseError('a <=')).toEqual({
      message: 'Quy tắc chưa viết xong: còn thiếu một số hoặc mã trường ở cuối.',
      position: 4,
    });
    expect(parseError('a <= * b')).toMatchObject({ position: 5 });
    expect(parseError('a b < c')).toMatchObject({ position: 2 });
    expect(parseError('2a < b').message).toMatch(/chữ số/);
  });

  it('refuses what is not a single true-or-false statement', () => {
    expect(parseError('a + b').message).toBe(
      'Quy tắc phải là một phép so sánh, ví dụ victims <= cases.',
    );
    expect(parseError('0 <= a <= 10')).toMatchObject({ position: 7 });
    expect(parseError('0 <= a <= 10').message).toMatch(/and/);
    expect(parseError('a and b < c').message).toMatch(/Hai bên của “and”/);
    expect(parseError('(a < b) + 1 > 0').message).toMatch(/Hai bên của “\+”/);
    expect(parseError('(a < b) = (c < d)').message).toMatch(/Hai bên của “=”/);
    expect(parseError('not a').message).toMatch(/Sau “not”/);
  });

  it('guards against huge and deeply nested input', () => {
    expect(parseError('a < b and '.repeat(60) + 'a < b').message).toBe(
      `Quy tắc quá dài: tối đa ${MAX_RULE_LENGTH} ký tự.`,
    );
    const deep = '('.repeat(MAX_RULE_DEPTH + 1) + 'a < b' + ')'.repeat(MAX_RULE_DEPTH + 1);
    expect(parseError(deep).message).toMatch(/lồng nhau quá sâu/);
    expect(parseError('-'.repeat(MAX_RULE_DEPTH + 1) + 'a < b').message).toMatch(/quá sâu/);
    expect(parseError('not '.repeat(MAX_RULE_DEPTH + 1) + 'a < b').message).toMatch(/quá sâu/);
    const nested = '('.repeat(MAX_RULE_DEPTH) + 'a < b' + ')'.repeat(MAX_RULE_DEPTH);
    expect(parseRule(nested).ok).toBe(true);
    expect(parseError('a < 10000000000000000').message).toMatch(/quá lớn/);
  });

  it('never throws, whatever it is given', () => {
    const pieces = [
      'a',
      'b1',
      '12',
      '0.5',
      '(',
      ')',
      '<',
      '<=',
      '=',
      '!',
      '+',
      '-',
      '*',
      '/',
      'and',
      'or',
      'not',
      ' ',
      ',',
      '.',
      'đ',
      '&&',
      '"',
      '\u0000',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i += 1) {
      const length = Math.floor(random() * 12);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join(
        ' ',
      );
      const result = parseRule(text);
      if (result.ok) expect(() => evaluateRule(result.rule, { a: 1, b1: 0 })).not.toThrow();
      else expect(result.error.position).toBeGreaterThanOrEqual(0);
    }
    expect(parseRule(undefined as unknown as string).ok).toBe(false);
  });
});

describe('ruleFields', () => {
  it('lists each field once, in the order the rule names them', () => {
    expect(ruleFields(rule('returned_total = returned_labour + returned_other'))).toEqual([
      'returned_total',
      'returned_labour',
      'returned_other',
    ]);
    expect(ruleFields(rule('b <= a and not (a > 2 * b) or c = 1'))).toEqual(['b', 'a', 'c']);
    expect(ruleFields(rule('1 < 2'))).toEqual([]);
  });
});

describe('evaluateRule', () => {
  it('passes and fails comparisons of the values given', () => {
    expect(check('victims <= cases', { victims: 3, cases: 5 })).toEqual({
      ok: true,
      skipped: false,
    });
    expect(check('victims <= cases', { victims: 6, cases: 5 })).toEqual({
      ok: false,
      fields: ['victims', 'cases'],
    });
    const total = 'returned_total = returned_labour + returned_other';
    expect(check(total, { returned_total: 10, returned_labour: 7, returned_other: 3 }).ok).toBe(
      true,
    );
    expect(check(total, { returned_total: 11, returned_labour: 7, returned_other: 3 }).ok).toBe(
      false,
    );
    expect(check('a * 2 > b / 4 - 1', { a: 1, b: 4 }).ok).toBe(true);
    expect(check('-a < 0', { a: 1 }).ok).toBe(true);
    expect(check('a != b', { a: 1, b: 1 }).ok).toBe(false);
    expect(check('a < b', { a: 1, b: 1 }).ok).toBe(false);
    expect(check('a >= b', { a: 1, b: 1 }).ok).toBe(true);
  });

  it('allows for floating-point rounding', () => {
    expect(check('total = a + b', { total: 0.3, a: 0.1, b: 0.2 }).ok).toBe(true);
    expect(check('a + b <= total', { total: 0.3, a: 0.1, b: 0.2 }).ok).toBe(true);
    expect(check('a + b > total', { total: 0.3, a: 0.1, b: 0.2 }).ok).toBe(false);
    expect(check('total = a + b', { total: 0.31, a: 0.1, b: 0.2 }).ok).toBe(false);
  });

  it('skips, as passing, a comparison with a missing or non-numeric value', () => {
    expect(check('victims <= cases', { victims: 3 })).toEqual({ ok: true, skipped: true });
    expect(check('victims <= cases', { victims: 3, cases: null })).toEqual({
      ok: true,
      skipped: true,
    });
    expect(check('victims <= cases', { victims: 3, cases: '2' })).toEqual({
      ok: true,
      skipped: true,
    });
    expect(check('a <= b', { a: Number.NaN, b: 1 })).toEqual({ ok: true, skipped: true });
    expect(check('constructor <= 1', {})).toEqual({ ok: true, skipped: true });
  });

  it('skips a division by zero', () => {
    expect(check('victims / cases <= 10', { victims: 5, cases: 0 })).toEqual({
      ok: true,
      skipped: true,
    });
    expect(check('victims / cases <= 10', { victims: 50, cases: 2 }).ok).toBe(false);
  });

  it('still fails on what the values given already break (three-valued logic)', () => {
    // One side of `and` is false: false whatever the missing value is.
    expect(check('a <= b and c <= d', { a: 5, b: 1, c: 1 })).toEqual({
      ok: false,
      fields: ['a', 'b'],
    });
    expect(check('a <= b and c <= d', { a: 1, b: 5, c: 1 })).toEqual({ ok: true, skipped: true });
    // One side of `or` is true: true whatever the missing value is.
    expect(check('a <= b or c <= d', { a: 1, b: 5 })).toEqual({ ok: true, skipped: false });
    expect(check('a <= b or c <= d', { a: 5, b: 1 })).toEqual({ ok: true, skipped: true });
    expect(check('not a < b', { a: 1 })).toEqual({ ok: true, skipped: true });
  });

  it('names only the fields of the comparisons that fail', () => {
    expect(check('a <= b and c <= d', { a: 1, b: 2, c: 5, d: 1 })).toEqual({
      ok: false,
      fields: ['c', 'd'],
    });
    expect(check('a <= b or c <= d', { a: 3, b: 2, c: 5, d: 1 })).toEqual({
      ok: false,
      fields: ['a', 'b', 'c', 'd'],
    });
    expect(check('not (a < b) and c = c', { a: 1, b: 2, c: 0 })).toEqual({
      ok: false,
      fields: ['a', 'b'],
    });
    expect(check('not (a < b)', { a: 2, b: 1 })).toEqual({ ok: true, skipped: false });
  });
});
