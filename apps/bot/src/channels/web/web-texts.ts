import { BOT_TEXTS } from '@gcm/domain';

/** What the web chat tells a person when it cannot take their message: Vietnamese, polite. */
export const WEB_CHAT_TEXTS = {
  emptyText: 'Vui lòng nhập câu hỏi trước khi gửi.',
  textTooLong: (max: number) =>
    `Câu hỏi quá dài (tối đa ${max} ký tự). Vui lòng hỏi ngắn gọn hơn hoặc chia thành nhiều câu.`,
  badSession: 'Phiên trò chuyện không hợp lệ. Vui lòng tải lại trang rồi thử lại.',
  badMessage: 'Tin nhắn không hợp lệ. Vui lòng thử lại.',
  malformed: 'Nội dung gửi lên không hợp lệ.',
  bodyTooLarge: 'Nội dung gửi lên quá lớn.',
  tooFast: 'Bạn gửi tin nhắn hơi nhanh. Vui lòng đợi một chút rồi gửi tiếp nhé.',
  /** Many people may share one address (an office, a phone network): not "you". */
  addressBusy: 'Có quá nhiều yêu cầu từ mạng của bạn. Vui lòng đợi một chút rồi thử lại.',
  unavailable: 'Hệ thống tạm thời chưa trả lời được. Vui lòng thử lại sau ít phút.',
  /** The bot's one apology for a message the API refuses as it is (Telegram says it too). */
  refused: BOT_TEXTS.vi.refused,
  originRefused: 'Trang web này chưa được phép dùng khung hỏi đáp.',
  tooManyStreams: 'Có quá nhiều cửa sổ trò chuyện đang mở. Vui lòng đóng bớt rồi thử lại.',
  methodNotAllowed: 'Phương thức không được hỗ trợ.',
} as const;
