/**
 * Renders our neutral reply text for Telegram: the small Markdown subset of BotReply
 * (**bold**, _italic_, [link](https://…), `- ` lists, line breaks) becomes Telegram HTML
 * (`parse_mode: 'HTML'`); everything else is shown as text, with <, > and & escaped. Texts longer
 * than a message may hold are split at paragraph, line or word boundaries; each part is complete
 * HTML of its own, so a split never breaks a tag. Pure functions, no I/O.
 */
import { MAX_ACTION_BYTES, type ReplyButton } from '@gcm/domain';

/** Most characters of one Telegram message, counted after its HTML is parsed. */
export const TELEGRAM_MAX_TEXT = 4096;

/** A stretch of visible text and how it is shown. */
interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

type Style = Omit<Run, 'text'>;

/** The parts (Telegram HTML, each within `maxLength` visible characters) to send for a text. */
export function renderTelegramText(
  text: string,
  format: 'plain' | 'markdown' = 'plain',
  maxLength = TELEGRAM_MAX_TEXT,
): string[] {
  const source = normaliseText(text);
  const runs = format === 'markdown' ? parseMarkdown(source) : [{ text: source }];
  return splitRuns(runs, maxLength).map(toHtml);
}

/** A link reply: the title linked to the URL (http/https only), then the description. */
export function renderTelegramLink(
  title: string,
  url: string,
  description?: string,
  maxLength = TELEGRAM_MAX_TEXT,
): string[] {
  const cleanTitle = normaliseText(title).trim() || url;
  const runs: Run[] = isWebUrl(url)
    ? [{ text: cleanTitle, href: url }]
    : [{ text: cleanTitle === url ? url : `${cleanTitle}\n${url}` }];
  const cleanDescription = description ? normaliseText(description).trim() : '';
  if (cleanDescription) runs.push({ text: `\n${cleanDescription}` });
  return splitRuns(runs, maxLength).map(toHtml);
}

/** Rows of buttons as Telegram's inline keyboard; empty rows are dropped. */
export function toInlineKeyboard(
  rows: ReplyButton[][],
): { text: string; callback_data: string }[][] {
  return rows
    .map((row) =>
      row.map((button) => ({
        text: normaliseText(button.label).trim() || button.action,
        callback_data: toCallbackData(button.action),
      })),
    )
    .filter((row) => row.length > 0);
}

/**
 * A button action as Telegram's callback_data: at most 64 bytes of UTF-8. A longer action is
 * cut at a character boundary (never inside a multi-byte character).
 */
export function toCallbackData(action: string): string {
  if (Buffer.byteLength(action, 'utf8') <= MAX_ACTION_BYTES) return action;
  let bytes = 0;
  let kept = '';
  for (const char of action) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > MAX_ACTION_BYTES) break;
    kept += char;
  }
  return kept;
}

/** Escapes text for Telegram HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts a text to `max` characters (Telegram captions: 1024), never inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  const clean = normaliseText(text).trim();
  if (clean.length <= max) return clean;
  let end = max - 1;
  if (isHighSurrogate(clean.charCodeAt(end - 1))) end -= 1;
  return `${clean.slice(0, end)}…`;
}

function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url);
}

// --- Markdown subset → runs -------------------------------------------------------------------

const LIST_ITEM = /^(\s*)[-*+]\s+(.*)$/;
const LINK = /\[([^[\]\n]+)\]\((https?:\/\/[^\s()<>"]+|tel:\+?[0-9]+)\)/y;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function parseMarkdown(source: string): Run[] {
  const runs: Run[] = [];
  source.split('\n').forEach((line, index) => {
    if (index > 0) runs.push({ text: '\n' });
    const item = LIST_ITEM.exec(line);
    if (item) {
      runs.push({ text: `${item[1]}• ` });
      parseInline(item[2], {}, runs);
    } else {
      parseInline(line, {}, runs);
    }
  });
  return runs;
}

function parseInline(text: string, style: Style, out: Run[]): void {
  let plain = '';
  const flush = () => {
    if (plain) out.push({ ...style, text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = closingBold(text, i + 2);
      if (end > 0) {
        flush();
        parseInline(text.slice(i + 2, end), { ...style, bold: true }, out);
        i = end + 2;
        continue;
      }
    }
    if (text[i] === '_' && opensItalic(text, i)) {
      const end = closingItalic(text, i + 1);
      if (end > 0) {
        flush();
        parseInline(text.slice(i + 1, end), { ...style, italic: true }, out);
        i = end + 1;
        continue;
      }
    }
    if (text[i] === '[' && !style.href) {
      LINK.lastIndex = i;
      const link = LINK.exec(text);
      if (link) {
        flush();
        // Telegram links no tel: URL, but makes a phone number in the text tappable itself.
        const linked = link[2].startsWith('tel:') ? style : { ...style, href: link[2] };
        parseInline(link[1], linked, out);
        i += link[0].length;
        continue;
      }
    }
    plain += text[i];
    i += 1;
  }
  flush();
}

/** Where the `**` closing a bold span that starts at `from` is, or -1. */
function closingBold(text: string, from: number): number {
  if (from >= text.length || SPACE.test(text[from])) return -1;
  for (let end = text.indexOf('**', from); end > from; end = text.indexOf('**', end + 1)) {
    if (!SPACE.test(text[end - 1])) return end;
  }
  return -1;
}

function opensItalic(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : '';
  const after = text[at + 1] ?? '';
  return !WORD_CHAR.test(before) && after !== '' && after !== '_' && !SPACE.test(after);
}

/** Where the `_` closing an italic span that starts at `from` is, or -1 (not inside a word). */
function closingItalic(text: string, from: number): number {
  for (let end = text.indexOf('_', from + 1); end > from; end = text.indexOf('_', end + 1)) {
    const after = text[end + 1] ?? '';
    if (!SPACE.test(text[end - 1]) && !WORD_CHAR.test(after)) return end;
  }
  return -1;
}

// --- Splitting ---------------------------------------------------------------------------------

/** Splits runs into parts of at most `max` visible characters, at the best boundary. */
function splitRuns(runs: Run[], max: number): Run[][] {
  const text = runs.map((run) => run.text).join('');
  const ranges: [number, number][] = [];
  let start = skipSpace(text, 0);
  const end = trimEnd(text, text.length);
  while (start < end) {
    let cut = end;
    if (end - start > max) cut = bestCut(text, start, max);
    const partEnd = trimEnd(text, cut);
    if (partEnd > start) ranges.push([start, partEnd]);
    start = skipSpace(text, cut);
  }
  return ranges.map(([from, to]) => sliceRuns(runs, from, to));
}

const BOUNDARIES = ['\n\n', '\n', ' '];

function bestCut(text: string, start: number, max: number): number {
  const window = text.slice(start, start + max + 1);
  // Prefer a paragraph, then a line, then a word boundary in the second half of the window;
  // then any such boundary; then a hard cut.
  for (const minimum of [Math.floor(max / 2), 1]) {
    for (const boundary of BOUNDARIES) {
      const at = window.lastIndexOf(boundary, max);
      if (at >= minimum) return start + at;
    }
  }
  let cut = start + max;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return cut;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && SPACE.test(text[at])) at += 1;
  return at;
}

function trimEnd(text: string, to: number): number {
  let at = to;
  while (at > 0 && SPACE.test(text[at - 1])) at -= 1;
  return at;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function sliceRuns(runs: Run[], from: number, to: number): Run[] {
  const part: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const runEnd = offset + run.text.length;
    const a = Math.max(from, offset);
    const b = Math.min(to, runEnd);
    if (a < b) part.push({ ...run, text: run.text.slice(a - offset, b - offset) });
    offset = runEnd;
  }
  return part;
}

// --- Runs → HTML -------------------------------------------------------------------------------

/** Telegram HTML for the runs: tags opened and closed in a strict nesting (a ⊃ b ⊃ i). */
function toHtml(runs: Run[]): string {
  let html = '';
  let open: string[] = [];
  for (const run of runs) {
    const wanted = tagsOf(run);
    let same = 0;
    while (same < open.length && same < wanted.length && open[same] === wanted[same]) same += 1;
    for (const tag of open.slice(same).reverse()) html += closeTag(tag);
    for (const tag of wanted.slice(same)) html += openTag(tag);
    open = wanted;
    html += escapeHtml(run.text);
  }
  for (const tag of open.reverse()) html += closeTag(tag);
  return html;
}

function tagsOf(run: Run): string[] {
  const tags: string[] = [];
  if (run.href) tags.push(`a ${run.href}`);
  if (run.bold) tags.push('b');
  if (run.italic) tags.push('i');
  return tags;
}

function openTag(tag: string): string {
  if (tag.startsWith('a ')) return `<a href="${escapeHtml(tag.slice(2)).replace(/"/g, '&quot;')}">`;
  return `<${tag}>`;
}

function closeTag(tag: string): string {
  return tag.startsWith('a ') ? '</a>' : `</${tag}>`;
}
