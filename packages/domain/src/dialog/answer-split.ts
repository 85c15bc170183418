/**
 * A long FAQ answer sent in two parts: a first part of about a phone screen, and the rest behind
 * a "Xem thêm" button. Staff may choose the cut themselves with a line `<!-- more -->` in the
 * answer (invisible in a Markdown preview); otherwise the answer is cut at the last paragraph,
 * line or sentence end within {@link ANSWER_FIRST_PART_WORDS} words, never inside a sentence
 * nor inside **bold**, _italic_, `code` or a [link](url), so that each part is valid Markdown.
 */

/** Words of an answer's first part; an answer this long or shorter is sent whole. */
export const ANSWER_FIRST_PART_WORDS = 80;

/** A first part shorter than this, or a rest shorter than that, is not worth a button. */
const MIN_FIRST_PART_WORDS = 25;
const MIN_REST_WORDS = 12;

/** The line staff write where the "Xem thêm" cut goes. */
export const MORE_MARKER = '<!-- more -->';

const MARKER_LINE = /^[ \t]*<!--\s*more\s*-->[ \t]*$/im;
const MARKER_LINES = new RegExp(MARKER_LINE.source, 'gim');

export interface AnswerParts {
  first: string;
  /** What "Xem thêm" sends; absent when the answer is sent whole. */
  rest?: string;
}

export function splitAnswer(answer: string, maxWords = ANSWER_FIRST_PART_WORDS): AnswerParts {
  const text = answer.replace(/\r\n?/g, '\n');
  const marked = MARKER_LINE.exec(text);
  if (marked) {
    const first = text.slice(0, marked.index).trim();
    const rest = text
      .slice(marked.index + marked[0].length)
      .replace(MARKER_LINES, '')
      .trim();
    // A marker at the very start or end: nothing to split.
    if (first && rest) return { first, rest };
    return { first: first || rest };
  }
  const whole = text.trim();
  const total = wordCount(whole);
  if (total <= maxWords) return { first: whole };
  // The last sentence end that fits; the end of a paragraph or list item instead when it
  // keeps three quarters of that.
  let cut: number | undefined;
  let line: { at: number; words: number } | undefined;
  for (const boundary of boundaries(whole)) {
    const first = whole.slice(0, boundary.at);
    const words = wordCount(first);
    if (words > maxWords) break;
    if (words < MIN_FIRST_PART_WORDS || total - words < MIN_REST_WORDS) continue;
    if (!balanced(first) || /:\s*$/.test(first)) continue;
    cut = boundary.at;
    if (boundary.line) line = { at: boundary.at, words };
  }
  if (cut === undefined) return { first: whole };
  const cutWords = wordCount(whole.slice(0, cut));
  if (line && line.words >= cutWords * 0.75) cut = line.at;
  return { first: whole.slice(0, cut).trim(), rest: whole.slice(cut).trim() };
}

/** The answer as one text, without the staff's cut marker (where it is shown whole). */
export function wholeAnswer(answer: string): string {
  const parts = splitAnswer(answer, Number.POSITIVE_INFINITY);
  return parts.rest ? `${parts.first}\n\n${parts.rest}` : parts.first;
}

/** The text without the staff's cut marker lines (an HTML renderer would show them as text). */
export function withoutMoreMarker(text: string): string {
  return text.replace(MARKER_LINES, '');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Where a part may end: after a line (a paragraph or a list item) or after a sentence's end
 * mark followed by a space and a capital, a digit or an opening mark ("2. Nộp hồ sơ" starts a
 * sentence; "số 402/QĐ-TTg" or a URL has no space after its dots).
 */
function* boundaries(text: string): Generator<{ at: number; line: boolean }> {
  const pattern = /\n+|[.!?…]["”')]*[ \t]+(?=[\p{Lu}\p{N}*_"“([])/gu;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (end >= text.length) continue;
    const isLine = match[0].startsWith('\n');
    // A sentence ends after its mark; the space is left to the trim.
    yield { at: isLine ? match.index : end, line: isLine };
  }
}

/** Whether no emphasis, code span or link is left open at the end of `text`. */
function balanced(text: string): boolean {
  const withoutLinks = text
    .replace(/\[[^\]\n]*\]\([^)\s]*\)/g, 'link')
    .replace(/https?:\/\/\S+/g, 'url');
  // An open "[" is a link not yet closed.
  const opened = (withoutLinks.match(/\[/g) ?? []).length;
  if (opened !== (withoutLinks.match(/\]/g) ?? []).length) return false;
  const bold = (withoutLinks.match(/\*\*/g) ?? []).length;
  const code = (withoutLinks.match(/`/g) ?? []).length;
  const single = withoutLinks.replace(/\*\*/g, '');
  const stars = (single.match(/(^|[^\w*])\*(?=\S)|\S\*(?![\w*])/g) ?? []).length;
  const underscores = (single.match(/(^|[^\w])_(?=\S)|\S_(?!\w)/g) ?? []).length;
  return bold % 2 === 0 && code % 2 === 0 && stars % 2 === 0 && underscores % 2 === 0;
}

/**
 * A FAQ question as a button label: whole when it fits (Telegram shows about 30–40 characters a
 * line), else cut at a word boundary with "…"; the message keeps the whole question.
 */
export const BUTTON_LABEL_CHARS = 40;

export function buttonLabel(text: string, max = BUTTON_LABEL_CHARS): string {
  const label = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chars = [...label];
  if (chars.length <= max) return label;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.!?-]+$/u, '')}…`;
}
