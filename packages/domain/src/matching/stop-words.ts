/**
 * How much a Vietnamese function word counts, as a factor on its IDF weight (1 = content word).
 *
 * Particles, pronouns and question words say how something is asked, not what about, so they
 * weigh very little. Words that can flip or narrow the meaning ("không", "chưa", "bị", "đâu") keep
 * a larger share, because "có được xuất cảnh không" and "bị cấm xuất cảnh" do depend on them.
 */
import { foldDiacritics, readingsOfLetters, syllableKeys, type Token } from '../text';
import { ENGLISH_STOP_WORDS, englishWord } from './english';

// Words joined by "_" are phrases: they count as one unit, whose parts may be content words
// elsewhere ("người" in "mọi người" vs "người lao động").
const FACTORS: ReadonlyArray<readonly [number, string]> = [
  // Sentence particles, greetings, politeness.
  [
    0.05,
    'ạ ơi à ư nhé nha nhỉ hả hở hen ha dạ vâng ừ ok oke nè xin_chào cảm_ơn cám_ơn chứ đấy nhá nhen nghen ôi trời huhu hic ad admin',
  ],
  // Pronouns and address terms.
  [0.05, 'tôi tớ tao mình em bạn ta họ chúng mọi ai ông bà cậu mọi_người người_ta'],
  [0.2, 'anh chị cô chú'],
  // Connectives, classifiers, demonstratives.
  [
    0.05,
    'thì là mà và của các những nhưng cái chiếc vậy thế đây đó này kia ấy hoặc rất lắm cũng nữa',
  ],
  [0.15, 'cho với để nếu khi rồi đã sẽ quá thôi luôn hay từ tại trong bên giùm dùm nhờ thử coi'],
  // Question words and phrases.
  [0.05, 'gì nào sao như chi thế_nào như_thế_nào làm_sao ra_sao làm_thế_nào cái_gì là_gì'],
  [0.2, 'bao nhiêu mấy bao_nhiêu bao_giờ bây_giờ cho_hỏi xin_hỏi'],
  [0.35, 'đâu'],
  [0.2, 'ở_đâu chỗ_nào nơi_nào cơ_quan_nào'],
  // Numerals, as numbers typed in digits (NUMBER_FACTOR): "một" is also the article ("một
  // người"). Not "ba", "năm", "bảy", "tám", "hai", "tỉ": father, year, fly, temporary, harm, ratio.
  [0.3, 'một mười mươi chục trăm nghìn ngàn triệu'],
  // Modal and aspect verbs, light verbs.
  [0.1, 'có được phải'],
  [
    0.25,
    'cần nên muốn đang mới hãy hỏi biết giúp ra vào đến tới lên xuống sang qua trên giờ bây hiện nay',
  ],
  [0.35, 'không chưa bị lại hơn nhất'],
  // Narrative and hedging words of chat questions: they frame the question, not its topic.
  [
    0.15,
    'thấy nghe bảo nói kiểu vẫn còn chỉ đều thật sự điều rằng nhỉ có_thể như_vậy vậy_thì thì_sao sao_đây gì_đó nào_đó',
  ],
  // How, how fast, how well: manner and degree words frame the request, whatever its topic.
  [
    0.3,
    'từng đã_từng chưa_từng nhanh chậm tốt dễ khó lâu ngay mãi hẳn nhiều ít thêm khác cụ_thể chính_xác',
  ],
  // Verbs and nouns of asking for something: every procedure is applied for, submitted, looked
  // up; what it is about is the rest of the question.
  [
    0.5,
    'làm xin cấp nộp tra tìm mang theo lấy dùng xem gồm bao_gồm chuẩn_bị thực_hiện liên_hệ cách nơi chỗ trường_hợp vấn_đề',
  ],
];

interface Tables {
  readonly syllables: Map<string, number>;
  readonly phrases: Map<string, number>;
}

function buildTables(normalise: (word: string) => string): Tables {
  const syllables = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const [factor, words] of FACTORS) {
    for (const entry of words.split(' ')) {
      const table = entry.includes('_') ? phrases : syllables;
      const key = entry.split('_').map(normalise).join(' ');
      table.set(key, Math.max(table.get(key) ?? 0, factor));
    }
  }
  return { syllables, phrases };
}

const EXACT = buildTables((w) => syllableKeys(w).exact);
// Typed without diacritics, "ban" may be "bạn" or "bán"; the table keeps the larger factor of the
// listed readings, and IDF (which sees every reading in the FAQs) does the rest.
const FOLDED = buildTables(foldDiacritics);
const LONGEST_PHRASE = 3;

const NUMBER_FACTOR = 0.3;
const ENGLISH_STOP_FACTOR = 0.05;

// Words weighing at least this much (stop factor) are content words.
export const CONTENT_STOP_FACTOR = 0.5;

/**
 * Weight factor of one token. Vietnamese: exact form if typed with diacritics, folded form
 * otherwise. English questions use the English list only ("me", "do", "can" are also Vietnamese).
 */
export function stopFactor(token: Token, english: boolean): number {
  if (/^\d+$/.test(token.folded)) return NUMBER_FACTOR;
  if (english) return ENGLISH_STOP_WORDS.has(englishWord(token)) ? ENGLISH_STOP_FACTOR : 1;
  const tables = token.marked ? EXACT : FOLDED;
  return tables.syllables.get(token.marked ? token.exact : token.folded) ?? 1;
}

/**
 * Factor of unaccented letters as the mean of their readings' factors, each weighed by how
 * often the letters mean it in general Vietnamese: "vang" is mostly "vàng", seldom "vâng".
 */
export function lettersStopFactor(token: Token): number {
  const readings = token.marked ? [] : readingsOfLetters(token.folded);
  if (readings.length === 0) return stopFactor(token, false);
  return readings.reduce((sum, r) => sum + r.share * (EXACT.syllables.get(r.exact) ?? 1), 0);
}

function phraseKey(tokens: readonly Token[]): { key: string; tables: Tables } {
  const marked = tokens.some((t) => t.marked);
  const key = tokens.map((t) => (marked ? t.exact : t.folded)).join(' ');
  return { key, tables: marked ? EXACT : FOLDED };
}

/** Factor of a listed Vietnamese function phrase ("như thế nào"), if the tokens are one. */
export function listedStopFactor(tokens: readonly Token[], english: boolean): number | undefined {
  if (english || tokens.length < 2) return undefined;
  const { key, tables } = phraseKey(tokens);
  return tables.phrases.get(key);
}

/** Factor of a multi-word unit: the phrase's own if listed, else the mean of its words'. */
export function phraseStopFactor(tokens: readonly Token[], english: boolean): number {
  if (tokens.length === 0) return 1;
  return (
    listedStopFactor(tokens, english) ??
    tokens.reduce((sum, t) => sum + stopFactor(t, english), 0) / tokens.length
  );
}

/** The longest listed function phrase ("như thế nào", "mọi người") starting at `start`. */
export function matchStopPhrase(tokens: readonly Token[], start: number): number {
  for (let n = Math.min(LONGEST_PHRASE, tokens.length - start); n >= 2; n--) {
    const { key, tables } = phraseKey(tokens.slice(start, start + n));
    if (tables.phrases.has(key)) return n;
  }
  return 0;
}
