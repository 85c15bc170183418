import { foldDiacritics, stripControlChars } from '../text';
import {
  addDays,
  type CalendarDate,
  formatDateVi,
  isValidCalendarDate,
  localDateOf,
  parseIsoDate,
  toIsoDate,
} from './local-time';
import {
  type ChoiceField,
  type CountField,
  type DateField,
  DEFAULT_DECIMALS,
  DEFAULT_TEXT_MAX_LENGTH,
  type DecimalField,
  type FieldValue,
  type MultipleChoiceField,
  type ReportField,
  type TextField,
} from './template';

/**
 * Reading what a reporting officer types in a chat, and checking values that come structured from
 * the console or the API. Both give `{ ok: true, value }` (null: not answered) or
 * `{ ok: false, message }` with a Vietnamese sentence to show as is.
 *
 * What is accepted, by type:
 * - count: 12, 1.200, 1 200, 1,200 (thousands grouped by dot, space or comma), "12 người" when the
 *   field's unit is "người"; "không"/"ko" for 0;
 * - decimal: 3,5 and 3.5; 1.200,5 and 1,200.5; 1.234.567; a lone "1.200" or "1,200" could be
 *   1200 or 1,2 and is asked again;
 * - date: 05/07/2026, 5/7/2026, 05-07-2026, 05.07.26, 2026-07-05, "ngày 5 tháng 7 năm 2026",
 *   "hôm nay", "hôm qua" (these need `now`);
 * - yes/no: có/không typed any way (co, c, yes, ok, rồi, dạ có / khong, k, ko, no, chưa, …) or the
 *   option number (1 = Có, 2 = Không);
 * - choices: the number shown (1, 2, …), the label without diacritics or case, or the start of
 *   one label; several, for multiple choice, separated by commas, semicolons, "và" or lines;
 * - any optional field: "bỏ qua" (or "-") leaves it unanswered.
 */
export type FieldResult = { ok: true; value: FieldValue | null } | { ok: false; message: string };

export interface ParseFieldOptions {
  /** Needed to read "hôm nay" and "hôm qua" in a date field. */
  now?: Date;
}

/** Longest input looked at for a field other than text. */
const MAX_SHORT_INPUT = 200;

const SKIP_ANSWERS = new Set(['bo qua', 'boqua', '/boqua', 'skip', '/skip', '-', '--', '—']);

/** Whether a typed answer means "skip this question" ("bỏ qua", "-"). */
export function isSkipAnswer(text: string): boolean {
  return typeof text === 'string' && text.length <= 20 && SKIP_ANSWERS.has(fold(text));
}

/** Reads what a person typed for `field`. Never throws. */
export function parseFieldInput(
  field: ReportField,
  text: string,
  options: ParseFieldOptions = {},
): FieldResult {
  const raw = typeof text === 'string' ? text : '';
  if (field.type === 'text') return validateValue(field, isSkipAnswer(raw) ? null : raw);
  const clean = stripControlChars(raw.slice(0, MAX_SHORT_INPUT * 2))
    .normalize('NFC')
    .trim();
  if (!clean || isSkipAnswer(clean)) return validateValue(field, null);
  if (clean.length > MAX_SHORT_INPUT) return fail(formatHint(field));
  const parsed = parseByType(field, clean, options);
  return parsed.ok ? validateValue(field, parsed.value) : parsed;
}

function parseByType(field: ReportField, clean: string, options: ParseFieldOptions): FieldResult {
  switch (field.type) {
    case 'count':
      return parseCount(field, clean);
    case 'decimal':
      return parseDecimal(field, clean);
    case 'date':
      return parseDate(clean, options.now);
    case 'yes_no':
      return parseYesNo(clean);
    case 'single_choice':
      return parseSingleChoice(field, clean);
    case 'multiple_choice':
      return parseMultipleChoice(field, clean);
    case 'text':
      return { ok: true, value: clean };
  }
}

/**
 * Checks a structured value for `field` (from the console, the API, or stored) and returns it
 * tidied: text trimmed and in NFC, multiple choices once each in the template's order. null,
 * undefined, an empty text and an empty list count as not answered.
 */
export function validateValue(field: ReportField, value: unknown): FieldResult {
  if (value === null || value === undefined) return unanswered(field);
  switch (field.type) {
    case 'count':
      return checkCount(field, value);
    case 'decimal':
      return checkDecimal(field, value);
    case 'text':
      return checkText(field, value);
    case 'single_choice':
      if (typeof value !== 'string' || !field.choices.some((choice) => choice.value === value)) {
        return fail(`Lựa chọn không hợp lệ. ${choicesHint(field)}`);
      }
      return { ok: true, value };
    case 'multiple_choice':
      return checkMultipleChoice(field, value);
    case 'date':
      return checkDate(field, value);
    case 'yes_no':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : fail('Vui lòng trả lời “có” hoặc “không”.');
  }
}

/** How to answer `field`, one or two sentences for the bot to show under the question. */
export function fieldHintVi(field: ReportField): string {
  const skip = field.required ? '' : ' Gõ “bỏ qua” nếu không có thông tin.';
  return `${formatHint(field)}${rangeHint(field)}${skip}`;
}

/** A value as people read it: "1.200 người", "3,5", "Có", choice labels, "05/07/2026". */
export function formatFieldValue(field: ReportField, value: FieldValue | null | undefined): string {
  if (value === null || value === undefined) return '(bỏ trống)';
  switch (field.type) {
    case 'count':
    case 'decimal': {
      if (typeof value !== 'number') return String(value);
      const number = formatNumberVi(value);
      return field.unit ? `${number} ${field.unit}` : number;
    }
    case 'yes_no':
      return value === true ? 'Có' : value === false ? 'Không' : String(value);
    case 'date':
      return typeof value === 'string' && parseIsoDate(value) ? formatDateVi(value) : String(value);
    case 'single_choice':
    case 'multiple_choice': {
      const values = Array.isArray(value) ? value : [String(value)];
      if (values.length === 0) return '(không chọn)';
      return values
        .map((key) => field.choices.find((choice) => choice.value === key)?.label ?? key)
        .join(', ');
    }
    case 'text':
      return String(value);
  }
}

/**
 * A number as written in Vietnamese: dot between thousands, comma before decimals
 * (1200 → "1.200", 3.5 → "3,5", -1234.25 → "-1.234,25").
 */
export function formatNumberVi(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = Math.abs(value).toString().includes('e')
    ? [Math.abs(value).toFixed(0), undefined]
    : Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

// --- numbers ------------------------------------------------------------------------------------

const COUNT_HINT = 'Vui lòng nhập một số nguyên không âm, ví dụ 12.';
const DECIMAL_HINT = 'Vui lòng nhập một số, dùng dấu phẩy cho phần thập phân, ví dụ 3,5.';
const ZERO_WORDS = new Set(['khong', 'ko', 'khong co', 'k co', 'ko co']);
/** Thousands grouped by one kind of separator: 1.200, 1 200 000, 1,200. */
const GROUPED = /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/;
const MAX_DIGITS = 15;

function parseCount(field: CountField, clean: string): FieldResult {
  const text = withoutUnit(fold(clean), field.unit);
  if (ZERO_WORDS.has(text)) return { ok: true, value: 0 };
  if (/^[-−]\s*\d/.test(text)) return fail(`Số lượng không thể là số âm. ${COUNT_HINT}`);
  const digits = /^\d+$/.test(text) ? text : GROUPED.test(text) ? text.replace(/\D/g, '') : null;
  if (digits === null) {
    return /^\d+[.,]\d+$/.test(text)
      ? fail(`Vui lòng nhập một số nguyên, không có phần thập phân, ví dụ 12.`)
      : fail(COUNT_HINT);
  }
  if (digits.replace(/^0+/, '').length > MAX_DIGITS) return fail('Số này quá lớn.');
  return { ok: true, value: Number(digits) };
}

function parseDecimal(field: DecimalField, clean: string): FieldResult {
  const text = withoutUnit(fold(clean), field.unit).replace(/^[−]/, '-').replace(/^-\s+/, '-');
  const match = /^(-?)([\d., ]+)$/.exec(text);
  if (!match) return fail(DECIMAL_HINT);
  const [, sign, body] = match;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let whole = body;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one is the decimal mark (1.200,5 or 1,200.5).
    const mark = Math.max(lastDot, lastComma);
    [whole, fraction] = [body.slice(0, mark), body.slice(mark + 1)];
    if (!GROUPED.test(whole) || !/^\d+$/.test(fraction)) return fail(DECIMAL_HINT);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = body.split(mark);
    if (parts.length > 2) {
      // Several of one mark can only group thousands: 1.234.567.
      if (!GROUPED.test(body)) return fail(DECIMAL_HINT);
    } else {
      [whole, fraction] = parts;
      // The whole part may group thousands with spaces: 1 234,5.
      if (!/^\d+$|^\d{1,3}(?: \d{3})+$/.test(whole) || !/^\d+$/.test(fraction)) {
        return fail(DECIMAL_HINT);
      }
      if (/^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
        const thousands = `${whole}${fraction}`;
        const trimmed = fraction.replace(/0+$/, '');
        const small = trimmed ? `${whole},${trimmed}` : whole;
        return fail(
          `“${clean}” có thể hiểu là ${thousands} hoặc ${small}. Vui lòng viết số không có dấu phân cách hàng nghìn, dùng dấu phẩy cho phần thập phân, ví dụ ${thousands} hoặc ${small}.`,
        );
      }
    }
  } else if (!/^\d+$/.test(body) && !GROUPED.test(body)) {
    return fail(DECIMAL_HINT);
  }
  const wholeDigits = whole.replace(/\D/g, '');
  if (wholeDigits.replace(/^0+/, '').length > MAX_DIGITS) return fail('Số này quá lớn.');
  const decimals = field.decimals ?? DEFAULT_DECIMALS;
  if (fraction.replace(/0+$/, '').length > decimals) return fail(decimalsMessage(decimals));
  const value = Number(`${sign}${wholeDigits}.${fraction || '0'}`);
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

function checkCount(field: CountField, value: unknown): FieldResult {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail(COUNT_HINT);
  if (value < 0) return fail(`Số lượng không thể là số âm. ${COUNT_HINT}`);
  return checkRange(field, value);
}

function checkDecimal(field: DecimalField, value: unknown): FieldResult {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= 1e15) {
    return fail(DECIMAL_HINT);
  }
  const decimals = field.decimals ?? DEFAULT_DECIMALS;
  // Within a few units in the last place of `decimals` digits (0.1 + 0.2 is 0.3), and stored so.
  const rounded = Number(value.toFixed(decimals));
  if (Math.abs(rounded - value) > 8 * Number.EPSILON * Math.max(1, Math.abs(value))) {
    return fail(decimalsMessage(decimals));
  }
  return checkRange(field, rounded);
}

function checkRange(field: CountField | DecimalField, value: number): FieldResult {
  const { min, max } = field;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return fail(`Vui lòng nhập một số ${rangeWords(min, max)}.`);
  }
  return { ok: true, value };
}

function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return `từ ${formatNumberVi(min)} đến ${formatNumberVi(max)}`;
  }
  return min !== undefined
    ? `không nhỏ hơn ${formatNumberVi(min)}`
    : `không lớn hơn ${formatNumberVi(max as number)}`;
}

function decimalsMessage(decimals: number): string {
  return decimals === 0
    ? 'Vui lòng nhập một số nguyên, không có phần thập phân.'
    : `Vui lòng nhập tối đa ${decimals} chữ số sau dấu phẩy, ví dụ ${(3.25).toFixed(decimals).replace('.', ',')}.`;
}

/** Folded "12 nguoi" → "12" when the field counts "người"; the text unchanged otherwise. */
function withoutUnit(folded: string, unit: string | undefined): string {
  const foldedUnit = unit ? fold(unit) : '';
  if (
    foldedUnit &&
    folded.endsWith(foldedUnit) &&
    /\d\s*$/.test(folded.slice(0, -foldedUnit.length))
  ) {
    return folded.slice(0, -foldedUnit.length).trim();
  }
  return folded;
}

// --- text ---------------------------------------------------------------------------------------

function checkText(field: TextField, value: unknown): FieldResult {
  if (typeof value !== 'string') return fail('Vui lòng nhập nội dung bằng chữ.');
  const max = field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
  // Cut generously before cleaning: a paste far beyond the limit is refused anyway.
  const text = stripControlChars(value.slice(0, max * 4 + 100))
    .normalize('NFC')
    .trim();
  if (!text) return unanswered(field);
  const length = [...text].length;
  if (length > max || value.length > max * 4 + 100) {
    return fail(
      `Nội dung quá dài: tối đa ${formatNumberVi(max)} ký tự, bạn đã nhập ${formatNumberVi(Math.max(length, value.length))} ký tự. Vui lòng rút gọn.`,
    );
  }
  if (field.minLength !== undefined && length < field.minLength) {
    return fail(`Nội dung quá ngắn: cần ít nhất ${formatNumberVi(field.minLength)} ký tự.`);
  }
  return { ok: true, value: text };
}

// --- dates --------------------------------------------------------------------------------------

const DATE_HINT = 'Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/07/2026.';
const DAY_MONTH_YEAR = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDS = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})$/;

function parseDate(clean: string, now: Date | undefined): FieldResult {
  const text = fold(clean);
  if (text === 'hom nay' || text === 'hom qua') {
    if (!now) return fail(DATE_HINT);
    const today = localDateOf(now);
    return { ok: true, value: toIsoDate(text === 'hom nay' ? today : addDays(today, -1)) };
  }
  let date: CalendarDate | null = null;
  const dmy = DAY_MONTH_YEAR.exec(text);
  const ymd = YEAR_MONTH_DAY.exec(text);
  const words = WORDS.exec(text);
  if (dmy) {
    const year = dmy[4].length === 2 ? 2000 + Number(dmy[4]) : Number(dmy[4]);
    date = { year, month: Number(dmy[3]), day: Number(dmy[1]) };
  } else if (ymd) {
    date = { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) };
  } else if (words) {
    date = { year: Number(words[3]), month: Number(words[2]), day: Number(words[1]) };
  }
  if (!date) return fail(DATE_HINT);
  if (!isValidCalendarDate(date.year, date.month, date.day)) {
    const shown = `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
    return fail(`Ngày ${shown} không có trên lịch. ${DATE_HINT}`);
  }
  return { ok: true, value: toIsoDate(date) };
}

function checkDate(field: DateField, value: unknown): FieldResult {
  if (typeof value !== 'string' || !parseIsoDate(value)) return fail(DATE_HINT);
  if (field.min && value < field.min) {
    return fail(`Ngày phải từ ${formatDateVi(field.min)} trở về sau.`);
  }
  if (field.max && value > field.max) {
    return fail(`Ngày không được sau ${formatDateVi(field.max)}.`);
  }
  return { ok: true, value };
}

// --- yes/no -------------------------------------------------------------------------------------

const YES = new Set([
  'co',
  'c',
  'yes',
  'y',
  'ok',
  'oke',
  'okay',
  'dung',
  'roi',
  'da',
  'vang',
  'u',
  'uh',
  'co roi',
  'da co',
  'true',
  '1',
]);
const NO = new Set([
  'khong',
  'k',
  'ko',
  'kh',
  'khg',
  'no',
  'n',
  'chua',
  'khong co',
  'ko co',
  'sai',
  'false',
  '2',
]);

function parseYesNo(clean: string): FieldResult {
  // Politeness around the answer: "dạ có ạ", "không ạ!".
  const text = fold(clean)
    .replace(/\s+a$/, '')
    .replace(/^(?:da|vang)\s+(?=\S)/, '');
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return fail('Vui lòng trả lời “có” hoặc “không”.');
}

// --- choices ------------------------------------------------------------------------------------

function parseSingleChoice(field: ChoiceField, clean: string): FieldResult {
  const found = resolveChoice(field, fold(clean));
  if (found.kind === 'found') return { ok: true, value: found.value };
  return fail(
    found.kind === 'out_of_range'
      ? `Vui lòng chọn một số từ 1 đến ${field.choices.length}.`
      : `Không có lựa chọn “${clean}”. ${choicesHint(field)}`,
  );
}

function parseMultipleChoice(field: MultipleChoiceField, clean: string): FieldResult {
  const text = fold(clean);
  if (ZERO_WORDS.has(text) || text === 'khong chon') return { ok: true, value: [] };
  const whole = resolveChoice(field, text);
  if (whole.kind === 'found') return { ok: true, value: [whole.value] };
  const items = /^\d+(?:\s+\d+)+$/.test(text)
    ? text.split(/\s+/)
    : text
        .split(/[,;\n+&]|\s+va\s+/)
        .map((item) => item.trim())
        .filter(Boolean);
  const chosen: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const found = resolveChoice(field, item);
    if (found.kind === 'found') chosen.push(found.value);
    else unknown.push(item);
  }
  if (unknown.length > 0) {
    const listed = unknown.map((item) => `“${item}”`).join(', ');
    return fail(
      `Không hiểu lựa chọn ${listed}. ${choicesHint(field)} Có thể chọn nhiều, cách nhau bằng dấu phẩy, ví dụ 1, 3.`,
    );
  }
  return { ok: true, value: chosen };
}

type Resolved = { kind: 'found'; value: string } | { kind: 'unknown' } | { kind: 'out_of_range' };

/** One choice from folded text: its number, its label or value, or the start of one label. */
function resolveChoice(field: ChoiceField, folded: string): Resolved {
  const number = /^(\d{1,3})[.)]?$/.exec(folded);
  if (number) {
    const choice = field.choices[Number(number[1]) - 1];
    return choice ? { kind: 'found', value: choice.value } : { kind: 'out_of_range' };
  }
  const wanted = choiceKey(folded);
  if (!wanted) return { kind: 'unknown' };
  const keyed = field.choices.map((choice) => ({ choice, key: choiceKey(fold(choice.label)) }));
  const exact = keyed.find(
    ({ choice, key }) => key === wanted || choiceKey(choice.value.replace(/_/g, ' ')) === wanted,
  );
  if (exact) return { kind: 'found', value: exact.choice.value };
  const starting = keyed.filter(({ key }) => wanted.length >= 2 && key.startsWith(wanted));
  return starting.length === 1
    ? { kind: 'found', value: starting[0].choice.value }
    : { kind: 'unknown' };
}

function choiceKey(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function checkMultipleChoice(field: MultipleChoiceField, value: unknown): FieldResult {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    return fail(`Lựa chọn không hợp lệ. ${choicesHint(field)}`);
  }
  const known = new Set(field.choices.map((choice) => choice.value));
  const unknown = value.filter((item) => !known.has(item));
  if (unknown.length > 0) return fail(`Lựa chọn không hợp lệ. ${choicesHint(field)}`);
  const chosen = field.choices.map((choice) => choice.value).filter((key) => value.includes(key));
  if (chosen.length === 0) {
    if (field.required || (field.minSelected ?? 0) > 0) {
      return fail(`Vui lòng chọn ít nhất ${Math.max(1, field.minSelected ?? 1)} lựa chọn.`);
    }
    return { ok: true, value: [] };
  }
  if (field.minSelected !== undefined && chosen.length < field.minSelected) {
    return fail(`Vui lòng chọn ít nhất ${field.minSelected} lựa chọn.`);
  }
  if (field.maxSelected !== undefined && chosen.length > field.maxSelected) {
    return fail(`Chỉ được chọn tối đa ${field.maxSelected} lựa chọn.`);
  }
  return { ok: true, value: chosen };
}

/** "Các lựa chọn: 1. Có; 2. Không." for up to 10 choices, else how to choose. */
function choicesHint(field: ChoiceField): string {
  if (field.choices.length > 10) return 'Vui lòng chọn theo số thứ tự trong danh sách.';
  const listed = field.choices.map((choice, index) => `${index + 1}. ${choice.label}`).join('; ');
  return `Vui lòng chọn theo số thứ tự hoặc gõ tên lựa chọn: ${listed}.`;
}

// --- shared -------------------------------------------------------------------------------------

function unanswered(field: ReportField): FieldResult {
  if (!field.required) return { ok: true, value: null };
  return fail(`Mục này bắt buộc, không bỏ qua được. ${formatHint(field)}`);
}

function formatHint(field: ReportField): string {
  switch (field.type) {
    case 'count':
      return COUNT_HINT;
    case 'decimal':
      return DECIMAL_HINT;
    case 'text':
      return `Vui lòng nhập nội dung (tối đa ${formatNumberVi(field.maxLength ?? DEFAULT_TEXT_MAX_LENGTH)} ký tự).`;
    case 'date':
      return DATE_HINT;
    case 'yes_no':
      return 'Vui lòng trả lời “có” hoặc “không”.';
    case 'single_choice':
      return `Vui lòng chọn một trong ${field.choices.length} lựa chọn, gõ số thứ tự hoặc tên lựa chọn.`;
    case 'multiple_choice':
      return 'Vui lòng chọn một hoặc nhiều lựa chọn, gõ số thứ tự cách nhau bằng dấu phẩy, ví dụ 1, 3.';
  }
}

function rangeHint(field: ReportField): string {
  if (field.type === 'count' || field.type === 'decimal') {
    return field.min !== undefined || field.max !== undefined
      ? ` Số ${rangeWords(field.min, field.max)}.`
      : '';
  }
  if (field.type === 'date' && (field.min || field.max)) {
    if (field.min && field.max) {
      return ` Ngày từ ${formatDateVi(field.min)} đến ${formatDateVi(field.max)}.`;
    }
    return field.min
      ? ` Ngày từ ${formatDateVi(field.min)} trở về sau.`
      : ` Ngày không sau ${formatDateVi(field.max as string)}.`;
  }
  return '';
}

/**
 * Lower case, no diacritics, spaces (not line breaks) collapsed, trailing punctuation dropped:
 * "  Dạ CÓ ạ! " → "da co a".
 */
function fold(text: string): string {
  return foldDiacritics(text.normalize('NFC').toLowerCase())
    .replace(/[^\S\n]+/g, ' ')
    .replace(/[\s.!?…]+$/, '')
    .trim();
}

function fail(message: string): FieldResult {
  return { ok: false, message };
}
