/**
 * What the built system says and knows out of the box, as a person on a chat channel sees it:
 * the dialog's Vietnamese texts (packages/domain/src/dialog/bot-texts.ts) and the starter FAQs
 * that the demo data loads (DEMO_DATA=true). Written out here rather than imported, so that the
 * end-to-end tests notice when what people read changes.
 */

export const TEXT = {
  welcome: 'Xin chào!',
  notLegalAdvice: 'Câu trả lời là hướng dẫn chung, không thay cho tư vấn pháp lý',
  askUseful: 'Câu trả lời này có hữu ích không?',
  readMore: 'Xem thêm',
  didYouMean: 'Có phải bạn muốn hỏi:',
  toStaff: 'chuyển đến cán bộ',
  notThese: 'Không phải, gặp cán bộ',
  outOfScope: 'Kênh này trả lời các câu hỏi về **di cư an toàn, hợp pháp**',
  emergency: '113',
  /** The foreign ministry's citizen-protection hotline, in the emergency route as seeded. */
  citizenProtection: '+84 981 84 84 84',
  dangerHandoff: 'Tin nhắn của bạn đã được chuyển ngay đến cán bộ.',
  noted: 'Đã ghi nhận, cán bộ sẽ xem tin nhắn của bạn.',
  thanks: 'Cảm ơn bạn đã phản hồi!',
  subscribed: 'Đã đăng ký nhận tin.',
  staffReply: 'Cán bộ trả lời:',
};

/**
 * The starter FAQ on checking a labour-export company's licence, and a question for it typed
 * without diacritics.
 */
export const LICENCE_FAQ = 'Làm sao biết công ty đưa người đi làm việc ở nước ngoài có giấy phép?';
export const LICENCE_QUESTION = 'lam sao biet cong ty xuat khau lao dong co giay phep khong';
/** The last paragraph of that FAQ's answer: plain text, so Telegram shows it unchanged. */
export const LICENCE_ANSWER_END = 'Nếu còn nghi ngờ, hãy hỏi Sở Nội vụ trước khi nộp hồ sơ.';
/**
 * The answer runs past 80 words: it is sent up to the end of this list item, with "Xem thêm"
 * for the rest (its last list item and {@link LICENCE_ANSWER_END}).
 */
export const LICENCE_FIRST_PART_END = 'không chỉ gặp ở quán nước hay qua điện thoại;';

/**
 * The whole question behind a choice's button. A label too long for a button is cut ("…"),
 * and then every label is numbered ("2. …") and the message lists the questions whole.
 */
export function questionOfButton(message: string, label: string): string {
  const number = /^(\d+)\. /.exec(label)?.[1];
  if (!number) return label;
  const line = message.split('\n').find((l) => l.startsWith(`${number}. `));
  return line ? line.slice(number.length + 2) : label;
}

/** Short questions several starter FAQs answer about as well (the first found ambiguous is used). */
export const AMBIGUOUS_CANDIDATES = ['du hoc', 'ho chieu', 'chi phi', 'vay von'];

/**
 * Migration questions no starter FAQ answers (the first the API answers "no answer" is used):
 * they go to staff. A question outside the field ("giá vé xe khách") does not.
 */
export const NO_ANSWER_CANDIDATES = [
  'Thẻ tạm trú của vợ hết hạn thì làm gì?',
  'Thẻ tạm trú hết hạn thì làm gì?',
  'Gia hạn thẻ tạm trú cho vợ thế nào?',
];

/**
 * The same, for a second conversation: none of NO_ANSWER_CANDIDATES, so that its inbox item is
 * its own whichever of either list the matcher leaves without an answer.
 */
export const OTHER_NO_ANSWER_CANDIDATES = [
  'Thẻ tạm trú của con rể hết hạn thì làm gì?',
  'Thẻ tạm trú của mẹ vợ hết hạn thì làm gì?',
];

/** A question outside the field: told what the channel answers, not sent to staff. */
export const OUT_OF_SCOPE_QUESTION = 'Giá vé xe khách đi Hà Nội bao nhiêu?';

/** A message that sounds like danger, typed without diacritics. */
export const DANGER_MESSAGE = 'em bi giu ho chieu, bi nhot o nha chu, cuu voi';
