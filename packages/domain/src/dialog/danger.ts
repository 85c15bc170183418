import { foldDiacritics, normaliseText } from '../text';

/**
 * Whether a message sounds like someone in danger: held, locked up, beaten, a ransom asked,
 * deceived. Read typed any way (with or without diacritics, "bj" for "bị"), in Vietnamese or
 * English. Errs on the side of giving the emergency route: said to someone who did not need it,
 * it costs a line; missed, it may cost much more.
 */
// Who does it, in "bị chủ đánh" (passive with its agent) and "chồng đánh em" (active).
const AGENT =
  '(chu|ong chu|ba chu|chu nha|chu no|chong|nha chong|me chong|bo chong|gia dinh chong|cong ty|moi gioi|ho|bon ho|bon no|bon chung|chung no|no|nguoi ta|ke gian|quan ly|bang dang)';
const HARM =
  '(giu|nhot|giam giu|danh(?! gia)|danh dap|hanh hung|bat coc|bat giu|ep|cuong buc|ban|tra tan|de doa|doa|lua|xam hai|hiep dam|quay roi|bo doi|thu ho chieu)';
const VICTIM = '(toi|em|minh|tui|con|chau|chi|anh|vo toi|chong toi|con toi|chung toi)';
const FOLDED_PATTERNS: readonly RegExp[] = [
  // Bị giữ / nhốt / đánh / bắt cóc / ép / lừa ..., with or without who does it ("bị" typed
  // "bi", "bj"): "bị nhốt", "bị chủ đánh", "bj bọn nó giữ".
  new RegExp(`\\b(bi|bj|b)\\s+(${AGENT}\\s+)?${HARM}\\b`),
  new RegExp(
    `\\b${AGENT}\\s+(danh|danh dap|nhot|hanh hung|tra tan|de doa|doa|xam hai|hiep dam|bat coc)\\s+${VICTIM}\\b`,
  ),
  /\b(tien chuoc|doi chuoc|chuoc nguoi)\b/,
  /\b(cuu voi|cuu toi|cuu em|cuu minh|cuu tui|cuu con|cuu chau)\b/,
  // Deceived: said of oneself ("lừa em"), not a question about scams or
  // trafficking in general ("dấu hiệu lừa đảo", "mua bán người là gì"), which a FAQ answers.
  /\blua (toi|em|minh|tui|con|chau|chung toi|vo toi|chong toi)\b/,
  /\bbat coc\b/,
  /\b(khong cho ve|khong cho ra ngoai|giu ho chieu|thu ho chieu)\b/,
  /\b(sos|help me|trapped|kidnapped|ransom|beaten|locked up|locked in|trafficked|held captive|scammed|they took my passport)\b/,
];
// With diacritics, "bị lừa" is unambiguous (folded, "lua" could be rice, fire or silk).
const EXACT_PATTERNS: readonly RegExp[] = [/(^|[^\p{L}])bị lừa([^\p{L}]|$)/u];

export function soundsLikeDanger(text: string): boolean {
  const normalised = normaliseText(text);
  if (EXACT_PATTERNS.some((p) => p.test(normalised))) return true;
  const folded = foldDiacritics(normalised)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return FOLDED_PATTERNS.some((p) => p.test(folded));
}

/**
 * The hotlines an emergency route (the text the bot gives someone in danger) names besides 113:
 * telephone numbers of eight digits or more, on one line, written with spaces, dots, dashes,
 * brackets or a leading "+" as people write them ("+84 981 84 84 84", "(024) 3799 2000"), as
 * written, each once. The route seeded at the first start names the foreign ministry's
 * citizen-protection hotline; when a route names none (edited, or from an installation older
 * than that), the console asks staff to add it. In English the bot gives its own sentence with
 * these numbers, as staff keep them in the (Vietnamese) route.
 */
export function hotlineNumbers(route: string): string[] {
  // Groups joined by spaces, dots, dashes or brackets on one line: a line break ends a number.
  const runs = normaliseText(route, 20_000).match(/\+?\(?\d[\d .()-]*\d/g) ?? [];
  const numbers = runs
    .map((run) => run.trim())
    // Telephone numbers start with "+", 0 or 1 (1800/1900 lines): not a sum ("50.000.000") nor
    // years ("2021-2030").
    .filter((run) => /^(\+|\(?[01])/.test(run) && run.replace(/\D/g, '').length >= 8);
  return [...new Set(numbers)];
}

/** Whether an emergency route names a hotline besides 113 (`hotlineNumbers`). */
export function namesHotline(route: string): boolean {
  return hotlineNumbers(route).length > 0;
}
