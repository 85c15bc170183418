import type { BotLocale } from '../messages/bot-message';

/** Every sentence the bot says, Vietnamese first. */
export const BOT_TEXTS = {
  vi: {
    welcome:
      'Xin chào! Đây là kênh hỏi đáp về **di cư an toàn, hợp pháp** của cơ quan nhà nước.\n' +
      'Bạn có thể gõ câu hỏi (có dấu hay không dấu đều được), chọn một chủ đề bên dưới, ' +
      'hoặc bấm **Gặp cán bộ** để được cán bộ trả lời.\n' +
      'Câu trả lời là hướng dẫn chung, không thay cho tư vấn pháp lý về trường hợp riêng của bạn.',
    help:
      'Bạn có thể:\n- Gõ câu hỏi, ví dụ: "đi xuất khẩu lao động cần chi phí gì"\n' +
      '- /menu: xem các chủ đề\n- /hotro: tìm nơi hỗ trợ ở xã, phường của bạn\n' +
      '- /kiemtra: kiểm tra doanh nghiệp có được cấp phép đưa người đi làm việc ở nước ngoài\n' +
      '- /baotin: báo tin bí mật cho Công an về mua bán người, môi giới trái phép\n' +
      '- /dangky: nhận cảnh báo, thông tin mới\n- /huy: thôi nhận cảnh báo\n' +
      '- /lang: đổi ngôn ngữ (Tiếng Việt / English)\n- Gõ "gặp cán bộ" để nói chuyện với cán bộ',
    helpWeb:
      'Bạn có thể:\n- Gõ câu hỏi, ví dụ: "đi xuất khẩu lao động cần chi phí gì"\n' +
      '- /menu: xem các chủ đề\n- /hotro: tìm nơi hỗ trợ ở xã, phường của bạn\n' +
      '- /kiemtra: kiểm tra doanh nghiệp có được cấp phép đưa người đi làm việc ở nước ngoài\n' +
      '- /baotin: báo tin bí mật cho Công an về mua bán người, môi giới trái phép\n' +
      '- /lang: đổi ngôn ngữ (Tiếng Việt / English)\n' +
      '- Gõ "gặp cán bộ" để nói chuyện với cán bộ\n' +
      'Tin cảnh báo và thông tin mới được gửi qua Zalo và Telegram.',
    menu: 'Bạn muốn tìm hiểu chủ đề nào?',
    noTopics: 'Hiện chưa có chủ đề nào. Bạn cứ gõ câu hỏi, cán bộ sẽ trả lời.',
    staleChoice: 'Lựa chọn này không còn nữa. Bạn vui lòng chọn lại trong danh sách dưới đây nhé.',
    topicFaqs: 'Các câu hỏi thường gặp về chủ đề này:',
    topicEmpty: 'Chủ đề này chưa có câu hỏi nào.',
    askUseful: 'Câu trả lời này có hữu ích không?',
    readMore: 'Xem thêm',
    useful: '👍 Có',
    notUseful: '👎 Không',
    thanks: 'Cảm ơn bạn đã phản hồi!',
    thanksNotUseful: 'Cảm ơn bạn. Nếu cần, bấm **Gặp cán bộ** để được hỗ trợ thêm.',
    didYouMean: 'Có phải bạn muốn hỏi:',
    notThese: 'Không phải, gặp cán bộ',
    outOfScope:
      'Kênh này trả lời các câu hỏi về **di cư an toàn, hợp pháp**: đi làm việc ở nước ngoài, ' +
      'hộ chiếu, thị thực, cư trú, kết hôn và con cái ở nước ngoài, phòng chống lừa đảo và mua bán ' +
      'người. Câu hỏi của bạn có vẻ không thuộc các chủ đề này. Bạn có thể chọn một chủ đề bên ' +
      'dưới, hoặc bấm **Gặp cán bộ** nếu vẫn cần hỏi.',
    emergencyFallback:
      '**Nếu bạn đang gặp nguy hiểm**, hãy gọi ngay **113** (Công an). Nếu đang ở nước ngoài, ' +
      'hãy gọi cảnh sát nước sở tại và liên hệ Đại sứ quán, Lãnh sự quán Việt Nam gần nhất.',
    emergencyHotlines: 'Các đường dây nóng khác trong hướng dẫn khi gặp nguy hiểm:',
    dangerHandoff:
      'Tin nhắn của bạn đã được chuyển ngay đến cán bộ. Cán bộ sẽ trả lời bạn tại đây; bạn có ' +
      'thể nhắn thêm bạn đang ở đâu và tình hình thế nào.',
    noAnswer:
      'Xin lỗi, hiện chưa có câu trả lời sẵn cho câu hỏi này. Câu hỏi đã được chuyển đến cán bộ; ' +
      'cán bộ sẽ trả lời bạn ngay tại đây.',
    handoffOpened:
      'Đã chuyển đến cán bộ. Cán bộ sẽ trả lời bạn ngay tại đây; bạn có thể nhắn thêm thông tin.',
    handoffAlreadyOpen: 'Yêu cầu của bạn đang chờ cán bộ. Bạn có thể nhắn thêm thông tin.',
    handoffsPaused:
      'Lúc này có nhiều yêu cầu gặp cán bộ từ mạng của bạn nên chưa chuyển thêm được. ' +
      'Bạn vui lòng thử lại sau, hoặc gõ câu hỏi để xem câu trả lời có sẵn.',
    noAnswerHandoffsPaused:
      'Xin lỗi, hiện chưa có câu trả lời sẵn cho câu hỏi này. Lúc này có nhiều yêu cầu gặp cán bộ ' +
      'từ mạng của bạn nên câu hỏi chưa được chuyển đến cán bộ; bạn vui lòng thử lại sau.',
    handoffNoted: 'Đã ghi nhận, cán bộ sẽ xem tin nhắn của bạn.',
    handoffUrgent: 'Tin nhắn của bạn đã được đánh dấu khẩn cấp để cán bộ xem trước.',
    handoffEnded: 'Đã kết thúc trao đổi với cán bộ. Bạn có thể tiếp tục gõ câu hỏi.',
    talkToStaff: 'Gặp cán bộ',
    endHandoff: 'Kết thúc',
    askSomethingElse: 'Hỏi câu khác',
    backToMenu: 'Các chủ đề',
    moreTopics: 'Chủ đề khác ›',
    firstTopics: '‹ Các chủ đề đầu',
    chooseLanguage: 'Chọn ngôn ngữ / Choose a language:',
    languageSet: 'Đã chuyển sang Tiếng Việt.',
    subscribeTopic: 'Bạn muốn nhận cảnh báo, thông tin mới về chủ đề nào?',
    allTopics: 'Tất cả chủ đề',
    subscribeLocality: 'Bạn ở địa bàn nào?',
    allLocalities: 'Không chọn địa bàn',
    subscribeConsent:
      'Bạn đồng ý nhận tin cảnh báo và thông tin về di cư an toàn qua kênh này? ' +
      'Bạn có thể thôi nhận bất cứ lúc nào bằng lệnh /huy.',
    agree: 'Đồng ý',
    cancel: 'Hủy',
    subscribed: 'Đã đăng ký nhận tin. Gõ /huy khi muốn thôi nhận.',
    alertsElsewhere:
      'Tin cảnh báo và thông tin mới hiện chỉ gửi qua Zalo và Telegram, chưa gửi được qua khung ' +
      'hỏi đáp này. Để nhận tin, bạn hãy tìm kênh của chúng tôi trên Zalo hoặc Telegram rồi gõ /dangky.',
    unsubscribed: 'Bạn đã thôi nhận tin cảnh báo. Gõ /dangky nếu muốn nhận lại.',
    notSubscribed: 'Bạn chưa đăng ký nhận tin nào. Gõ /dangky để đăng ký.',
    cancelled: 'Đã hủy.',
    unsupported: 'Xin lỗi, hiện chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi nhé.',
    flood: 'Bạn nhắn hơi nhanh. Vui lòng chờ một chút rồi gửi tiếp nhé.',
    /** Said by the bot itself when the API refuses a message as it is (it cannot be handled). */
    refused:
      'Xin lỗi, hệ thống không xử lý được tin nhắn này. Bạn vui lòng viết lại ngắn gọn hơn hoặc hỏi theo cách khác.',
    staffReply: '**Cán bộ trả lời:**',
  },
  en: {
    welcome:
      'Hello! This is the public authorities’ channel for questions about **safe, legal migration**.\n' +
      'Type a question, choose a topic below, or press **Talk to staff** to get an answer from a staff member.\n' +
      'Answers are general guidance, not legal advice on your own case.',
    help:
      'You can:\n- Type a question, e.g. "what does working in Korea cost"\n- /menu: see the topics\n' +
      '- /hotro: find help in your commune or ward\n- /kiemtra: check whether a company is licensed to send workers abroad\n- /baotin: a confidential report to the police\n- /subscribe: get warnings and news\n- /huy: stop them\n- /lang: change language\n' +
      '- Type "talk to staff" to reach a staff member',
    helpWeb:
      'You can:\n- Type a question, e.g. "what does working in Korea cost"\n- /menu: see the topics\n' +
      '- /lang: change language\n- Type "talk to staff" to reach a staff member\n' +
      'Warnings and news are sent on Zalo and Telegram.',
    menu: 'Which topic would you like to know about?',
    noTopics: 'There are no topics yet. Type your question and a staff member will answer.',
    staleChoice: 'This choice is no longer available. Please choose again from the list below.',
    topicFaqs: 'Frequently asked questions on this topic:',
    topicEmpty: 'This topic has no questions yet.',
    askUseful: 'Was this answer helpful?',
    readMore: 'Read more',
    useful: '👍 Yes',
    notUseful: '👎 No',
    thanks: 'Thank you for your feedback!',
    thanksNotUseful: 'Thank you. If you need more help, press **Talk to staff**.',
    didYouMean: 'Did you mean:',
    notThese: 'None of these, talk to staff',
    outOfScope:
      'This channel answers questions about **safe, legal migration**: working abroad, passports, ' +
      'visas, residence, marriage and children abroad, scams and human trafficking. Your question ' +
      'does not seem to be about these topics. You can choose a topic below, or press **Talk to ' +
      'staff** if you still need to ask.',
    emergencyFallback:
      '**If you are in danger**, call **113** (police) now. If you are abroad, call the local ' +
      'police and contact the nearest Vietnamese embassy or consulate.',
    emergencyHotlines: 'Other hotlines in our guidance for people in danger:',
    dangerHandoff:
      'Your message has been passed to a staff member at once, who will reply to you here; you ' +
      'can add where you are and what is happening.',
    noAnswer:
      'Sorry, there is no ready answer to this question yet. It has been passed to a staff member, ' +
      'who will reply to you here.',
    handoffOpened: 'A staff member will reply to you here; you can add more details.',
    handoffAlreadyOpen: 'Your request is waiting for a staff member. You can add more details.',
    handoffsPaused:
      'Many requests for staff have come from your network just now, so no more can be passed on ' +
      'for the moment. Please try again later, or type a question to see the ready answers.',
    noAnswerHandoffsPaused:
      'Sorry, there is no ready answer to this question yet. Many requests for staff have come ' +
      'from your network just now, so it was not passed to a staff member; please try again later.',
    handoffNoted: 'Noted; a staff member will read your message.',
    handoffUrgent: 'Your message has been marked urgent so that staff read it first.',
    handoffEnded: 'The conversation with staff has ended. You can go on asking questions.',
    talkToStaff: 'Talk to staff',
    endHandoff: 'End',
    askSomethingElse: 'Ask something else',
    backToMenu: 'Topics',
    moreTopics: 'More topics ›',
    firstTopics: '‹ First topics',
    chooseLanguage: 'Chọn ngôn ngữ / Choose a language:',
    languageSet: 'Switched to English.',
    subscribeTopic: 'Which topic would you like warnings and news about?',
    allTopics: 'All topics',
    subscribeLocality: 'Where do you live?',
    allLocalities: 'No particular area',
    subscribeConsent:
      'Do you agree to receive warnings and news about safe migration through this channel? ' +
      'You can stop at any time with /huy.',
    agree: 'I agree',
    cancel: 'Cancel',
    subscribed: 'Subscribed. Type /huy to stop.',
    alertsElsewhere:
      'Warnings and news are sent only on Zalo and Telegram, not in this chat. To receive them, ' +
      'find our channel on Zalo or Telegram and type /subscribe.',
    unsubscribed: 'You will no longer receive warnings. Type /subscribe to start again.',
    notSubscribed: 'You have no subscription. Type /subscribe to subscribe.',
    cancelled: 'Cancelled.',
    unsupported: 'Sorry, only text messages can be read for now. Please type your question.',
    flood: 'You are sending messages a little fast. Please wait a moment.',
    refused:
      'Sorry, this message could not be handled. Please write it again more briefly or ask in another way.',
    staffReply: '**Staff reply:**',
  },
} as const satisfies Record<BotLocale, Record<string, string>>;

export type BotTextKey = keyof (typeof BOT_TEXTS)['vi'];

export function botText(locale: BotLocale, key: BotTextKey): string {
  return BOT_TEXTS[locale][key];
}
