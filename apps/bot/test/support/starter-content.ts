/**
 * What the built system says and knows out of the box, as a person on a chat channel sees it:
 * the dialog's Vietnamese texts (packages/domain/src/dialog/bot-texts.ts) and the starter FAQs
 * that the demo data loads (DEMO_DATA=true). Written out here rather than imported, so that the
 * end-to-end tests notice when what people read changes.
 */

export const TEXT = {
  welcome: 'Xin chào!',
  askUseful: 'Câu trả lời này có hữu ích không?',
  didYouMean: 'Có phải bạn muốn hỏi:',
  toStaff: 'chuyển đến cán bộ',
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

/** Short questions several starter FAQs answer about as well (the first found ambiguous is used). */
export const AMBIGUOUS_CANDIDATES = ['du hoc', 'ho chieu', 'chi phi', 'vay von'];

/** Questions no starter FAQ answers (the first the API answers "no answer" is used). */
export const NO_ANSWER_CANDIDATES = [
  'Giá vé xe khách đi Hà Nội bao nhiêu?',
  'Giá vé xe khách đi Đà Nẵng bao nhiêu?',
  'Thời tiết Hà Nội ngày mai thế nào?',
];

/** The same, for a second conversation (its inbox item must be its own). */
export const OTHER_NO_ANSWER_CANDIDATES = [
  'Quán phở nào ngon nhất phố cổ?',
  'Mấy giờ thì chợ Đồng Xuân mở cửa?',
  'Thời tiết Đà Lạt tuần sau ra sao?',
];
