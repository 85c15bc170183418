import { describe, expect, it } from 'vitest';
import { urgentNoticeReplies } from './replies';

describe('the urgent notice to staff chats', () => {
  it('names the channel and links to the item, in Vietnamese', () => {
    const [reply] = urgentNoticeReplies('vi', {
      channel: 'zalo',
      url: 'https://canbo.gcm.gov.vn/inbox?item=1',
    });
    expect(reply).toEqual({
      type: 'text',
      text:
        '⚠️ Hộp thư hỏi đáp có tin nhắn khẩn cấp: một người nhắn qua Zalo có thể đang gặp nguy hiểm. ' +
        'Bot đã gửi cho họ các số điện thoại khẩn cấp.\nMở để trả lời ngay: https://canbo.gcm.gov.vn/inbox?item=1',
    });
  });

  it('says where to look when no public address is configured, in English too', () => {
    const [reply] = urgentNoticeReplies('en', { channel: 'web', url: null });
    expect(reply.type === 'text' && reply.text).toBe(
      '⚠️ An urgent message in the inbox: someone writing on the portal’s web chat may be in danger. ' +
        'The bot has sent them the emergency numbers.\nOpen the admin console, under Inbox, to answer now.',
    );
  });
});
