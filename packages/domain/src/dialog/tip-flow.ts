import type {
  BotLocale,
  BotReply,
  FileEvent,
  ReplyButton,
  TextReply,
} from '../messages/bot-message';
import { formatTipCode, normaliseTipCode, TIP_LIMITS } from '../tips/tip';
import { attachmentOf, type ChatAttachment } from './task-update-flow';

/**
 * "Báo tin": a confidential report to the police. The person hears first what happens to it
 * (and to call 113 when someone is in danger now), describes what they know, may send photos,
 * stays anonymous or leaves a contact, names the area, confirms, and gets a reference code with
 * which to add more later. Pure: the API stores every piece sealed as it comes (the state holds
 * only the draft's id and where the person is), so nothing typed is lost on a bad answer.
 */

export type TipIntent =
  /** Start (menu, /baotin, "báo tin", "Có" to the offer); with a code: add to that report. */
  | { kind: 'tip_start'; code?: string }
  /** Words such as "tố giác", "báo công an": asked first whether they want to report. */
  | { kind: 'tip_offer'; text: string }
  /** "Không" to the offer: the text goes to the matcher as a question. */
  | { kind: 'tip_offer_no' }
  | { kind: 'tip_text'; text: string }
  | { kind: 'tip_file'; attachment: ChatAttachment; caption?: string }
  | { kind: 'tip_next' }
  | { kind: 'tip_anonymous' }
  | { kind: 'tip_give_contact' }
  | { kind: 'tip_place'; unitId: string }
  | { kind: 'tip_send' }
  | { kind: 'tip_done' };

export interface TipDraftState {
  step: 'describe' | 'details' | 'contact' | 'contact_text' | 'area' | 'confirm' | 'add';
  /** The draft (or, with `add`, the sent report) in the API; created with the first content. */
  tipId?: string;
  /** `add`: the report's code. */
  code?: string;
  areaId?: string;
  areaName?: string;
}

export const TipAction = {
  start: 'tip',
  yes: 'tip:yes',
  no: 'tip:no',
  next: 'tip:next',
  anonymous: 'tip:anon',
  contact: 'tip:contact',
  place: (unitId: string) => `tip:u:${unitId}`,
  send: 'tip:send',
  done: 'tip:done',
  add: (code: string) => `tip:add:${code}`,
} as const;

export function tipActionIntent(parts: string[]): TipIntent | null {
  const [head, a, b] = parts;
  if (head !== 'tip') return null;
  switch (a) {
    case undefined:
    case 'yes':
      return { kind: 'tip_start' };
    case 'no':
      return { kind: 'tip_offer_no' };
    case 'next':
      return { kind: 'tip_next' };
    case 'anon':
      return { kind: 'tip_anonymous' };
    case 'contact':
      return { kind: 'tip_give_contact' };
    case 'u':
      return b ? { kind: 'tip_place', unitId: b } : { kind: 'tip_start' };
    case 'send':
      return { kind: 'tip_send' };
    case 'done':
      return { kind: 'tip_done' };
    case 'add':
      return { kind: 'tip_start', code: b };
    default:
      return { kind: 'tip_start' };
  }
}

/** Typed alone, these start a report at once (compared folded). */
export const TIP_START_PHRASES = ['bao tin', 'bao tin cong an', 'gui tin bao', 'report to police'];

/** Words in a message that may mean a report to the police: the bot asks first. */
const TIP_OFFER_WORDS = /\b(to giac|bao cong an|trinh bao|bao tin cho cong an|bao voi cong an)\b/;

export function soundsLikeTip(folded: string): boolean {
  return TIP_OFFER_WORDS.test(folded);
}

export function tipFileIntent(event: FileEvent): TipIntent {
  const caption = event.caption?.normalize('NFC').trim();
  return { kind: 'tip_file', attachment: attachmentOf(event), ...(caption ? { caption } : {}) };
}

const TEXTS = {
  vi: {
    button: 'Báo tin cho Công an',
    offer:
      'Có phải bạn muốn **báo tin cho Công an** (bí mật, có thể không để lại tên)?\n' +
      'Nếu có người đang gặp nguy hiểm ngay lúc này, hãy gọi **113** trước.',
    offerYes: 'Có, báo tin',
    offerNo: 'Không, tôi muốn hỏi',
    intro: (days: number) =>
      '**Báo tin cho Công an**\n' +
      'Nếu có người đang gặp nguy hiểm ngay lúc này, hãy gọi **113** trước.\n\n' +
      'Tin báo của bạn sẽ được xử lý như sau:\n' +
      '- Chỉ **Công an phụ trách xã, phường** bạn chọn đọc được nội dung; cán bộ khác chỉ biết là có tin báo.\n' +
      `- Nội dung được mã hóa khi lưu và chỉ giữ trong **${days} ngày**.\n` +
      '- Bạn có thể **ẩn danh**, không cần để lại tên hay số điện thoại.\n' +
      '- Bạn nhận một **mã tin báo** để gửi thêm thông tin sau; Công an có thể trả lời bạn tại đây.\n\n' +
      'Bạn hãy kể những gì bạn biết: chuyện gì, ai, ở đâu, khi nào; có ai đang bị đưa đi hay bị giữ không.',
    noWords: 'Bạn hãy nhắn bằng chữ những gì bạn biết nhé.',
    describeFirst:
      'Bạn chưa kể gì về việc này. Hãy nhắn vài dòng về điều bạn biết trước khi tiếp tục nhé.',
    tooLong: (max: number) =>
      `Tin nhắn dài quá ${max} ký tự, bạn chia thành vài tin nhắn giúp nhé. Những gì đã gửi trước vẫn được giữ.`,
    noted:
      'Đã ghi lại. Bạn có thể nhắn thêm, hoặc gửi **ảnh** (giấy tờ, tin nhắn, hợp đồng…). ' +
      'Xong thì bấm **Tiếp tục**.',
    photoNoted: 'Đã nhận ảnh. Bạn gửi thêm, hoặc bấm **Tiếp tục**.',
    full: 'Tin báo đã nhận đủ số tin nhắn và ảnh tối đa. Bạn bấm **Tiếp tục** để gửi nhé.',
    next: 'Tiếp tục',
    askContact:
      'Bạn muốn **ẩn danh**, hay để lại cách liên lạc (số điện thoại, Zalo…) để Công an liên hệ khi cần?',
    anonymous: 'Ẩn danh',
    giveContact: 'Để lại liên lạc',
    askContactText: 'Bạn nhập số điện thoại hoặc cách liên lạc với bạn.',
    contactTooLong: (max: number) =>
      `Cách liên lạc dài quá ${max} ký tự, bạn rút gọn giúp nhé. Những gì bạn kể vẫn được giữ.`,
    askArea:
      'Việc này xảy ra ở **xã, phường** nào (hoặc huyện, thành phố)? Hãy gõ tên, có dấu hay không dấu ' +
      'đều được, ví dụ: _Đức Xuân_.',
    areaNotFound: (typed: string) =>
      `Chưa tìm thấy xã, phường nào tên “${typed}”. Bạn gõ lại tên giúp nhé (chỉ cần tên, ví dụ: ` +
      '_Đức Xuân_). Những gì bạn kể vẫn được giữ.',
    chooseArea: 'Bạn chọn đúng nơi xảy ra việc này:',
    moreAreas: 'Có nhiều nơi trùng tên: nếu không thấy, hãy gõ đầy đủ tên hơn.',
    confirm: (texts: number, photos: number, anonymous: boolean, area: string) =>
      '**Kiểm tra trước khi gửi**\n' +
      `- Nội dung: ${texts} tin nhắn, ${photos} ảnh\n` +
      `- Liên lạc: ${anonymous ? 'ẩn danh' : 'có để lại cách liên lạc'}\n` +
      `- Địa bàn: ${area}\n\n` +
      `Bấm **Gửi tin báo** để gửi đến Công an phụ trách ${area}.`,
    send: 'Gửi tin báo',
    sent: (code: string, area: string) =>
      `Đã gửi tin báo đến Công an phụ trách ${area}.\n\n` +
      `Mã tin báo của bạn: **${code}**\n` +
      'Hãy lưu lại mã này và đừng đưa cho người khác. Khi có thêm thông tin, gõ ' +
      `**/baotin ${code}** hoặc bấm **Gửi thêm thông tin**. Công an có thể trả lời bạn tại đây.\n\n` +
      'Nếu có người đang gặp nguy hiểm, hãy gọi ngay **113**.',
    addMore: 'Gửi thêm thông tin',
    topics: 'Các chủ đề',
    adding: (code: string) =>
      `Bạn đang gửi thêm thông tin cho tin báo **${code}**. Hãy nhắn hoặc gửi ảnh; xong thì bấm **Xong**.`,
    added: (code: string) => `Đã thêm vào tin báo **${code}**. Bạn gửi tiếp, hoặc bấm **Xong**.`,
    done: 'Xong',
    thanks: 'Cảm ơn bạn. Công an sẽ xem thông tin bạn gửi.',
    codeNotFound: (typed: string) =>
      `Không tìm thấy tin báo có mã “${typed}”. Bạn kiểm tra lại mã (10 ký tự, ví dụ ACDE-FGHJ-KM), ` +
      'hoặc gõ /baotin để gửi tin báo mới.',
    cancelled: 'Đã hủy. Tin báo chưa được gửi và những gì bạn nhập đã được xóa.',
    off:
      'Chức năng báo tin qua kênh này chưa sẵn sàng. Bạn có thể báo trực tiếp cho Công an nơi gần ' +
      'nhất; nếu có người đang gặp nguy hiểm, hãy gọi ngay **113**.',
    policeReply: (code: string) => `**Công an trả lời về tin báo ${code}:**`,
    cancel: 'Hủy',
  },
  en: {
    button: 'Report to the police',
    offer:
      'Do you want to **report this to the police** (confidential, you may stay anonymous)?\n' +
      'If someone is in danger right now, call **113** first.',
    offerYes: 'Yes, report',
    offerNo: 'No, I have a question',
    intro: (days: number) =>
      '**Report to the police**\n' +
      'If someone is in danger right now, call **113** first.\n\n' +
      'What happens to your report:\n' +
      '- Only the **police serving the commune or ward** you choose read it; other staff only know a report exists.\n' +
      `- It is stored encrypted and kept for **${days} days**.\n` +
      '- You may stay **anonymous**: no name or phone number needed.\n' +
      '- You get a **reference code** to add more later; the police may reply to you here.\n\n' +
      'Tell us what you know: what happened, who, where, when; is anyone being taken away or held.',
    noWords: 'Please write what you know in words.',
    describeFirst: 'You have not told us anything yet. Please write a few lines first.',
    tooLong: (max: number) =>
      `That message is longer than ${max} characters; please split it. What you sent before is kept.`,
    noted:
      'Noted. You may write more, or send **photos** (papers, messages, contracts…). ' +
      'Press **Continue** when done.',
    photoNoted: 'Photo received. Send more, or press **Continue**.',
    full: 'The report holds the most messages and photos it can. Press **Continue** to send it.',
    next: 'Continue',
    askContact:
      'Do you want to stay **anonymous**, or leave a way to reach you (phone, Zalo…) should the police need it?',
    anonymous: 'Anonymous',
    giveContact: 'Leave a contact',
    askContactText: 'Type your phone number or how to reach you.',
    contactTooLong: (max: number) =>
      `That is longer than ${max} characters; please shorten it. What you told us is kept.`,
    askArea:
      'In which **commune or ward** (or district, city) did this happen? Type its name, with or ' +
      'without diacritics, e.g. _Đức Xuân_.',
    areaNotFound: (typed: string) =>
      `No commune or ward named “${typed}” was found. Please type the name again (e.g. _Đức Xuân_). ` +
      'What you told us is kept.',
    chooseArea: 'Choose the place where this happened:',
    moreAreas: 'Many places have this name: if yours is not listed, type more of it.',
    confirm: (texts: number, photos: number, anonymous: boolean, area: string) =>
      '**Check before sending**\n' +
      `- Content: ${texts} message(s), ${photos} photo(s)\n` +
      `- Contact: ${anonymous ? 'anonymous' : 'a way to reach you'}\n` +
      `- Area: ${area}\n\n` +
      `Press **Send report** to send it to the police serving ${area}.`,
    send: 'Send report',
    sent: (code: string, area: string) =>
      `Your report went to the police serving ${area}.\n\n` +
      `Your reference code: **${code}**\n` +
      `Keep it and do not share it. To add more, type **/baotin ${code}** or press **Add information**. ` +
      'The police may reply to you here.\n\nIf someone is in danger, call **113** at once.',
    addMore: 'Add information',
    topics: 'Topics',
    adding: (code: string) =>
      `You are adding to report **${code}**. Write or send photos; press **Done** when finished.`,
    added: (code: string) => `Added to report **${code}**. Send more, or press **Done**.`,
    done: 'Done',
    thanks: 'Thank you. The police will see what you sent.',
    codeNotFound: (typed: string) =>
      `No report has the code “${typed}”. Please check it (10 characters, e.g. ACDE-FGHJ-KM), ` +
      'or type /baotin to send a new report.',
    cancelled: 'Cancelled. The report was not sent and what you typed was deleted.',
    off:
      'Reporting through this channel is not available yet. Please go to the nearest police ' +
      'station; if someone is in danger, call **113** at once.',
    policeReply: (code: string) => `**The police reply about report ${code}:**`,
    cancel: 'Cancel',
  },
} as const;

export function tipTexts(locale: BotLocale) {
  return TEXTS[locale];
}

const text = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

const cancel = (locale: BotLocale): ReplyButton => ({
  label: TEXTS[locale].cancel,
  action: 'cancel',
});

/** What a person typed, safe to repeat inside a Markdown reply. */
const shown = (typed: string) => typed.replace(/[*_[\]()`]/g, '').slice(0, 60);

export function tipMenuButton(locale: BotLocale): ReplyButton {
  return { label: TEXTS[locale].button, action: TipAction.start };
}

export function tipReplies(
  locale: BotLocale,
  say:
    | { kind: 'offer' }
    | { kind: 'intro'; retentionDays: number }
    | { kind: 'noted' | 'photo_noted' | 'describe_first' | 'no_words' | 'full' }
    | { kind: 'too_long' }
    | { kind: 'ask_contact' | 'ask_contact_text' | 'contact_too_long' | 'ask_area' }
    | { kind: 'area_not_found'; typed: string }
    | { kind: 'choose_area'; places: { id: string; label: string }[]; more: boolean }
    | { kind: 'confirm'; texts: number; photos: number; anonymous: boolean; area: string }
    | { kind: 'sent'; code: string; area: string }
    | { kind: 'adding' | 'added'; code: string }
    | { kind: 'thanks' | 'cancelled' | 'off' }
    | { kind: 'code_not_found'; typed: string },
): BotReply[] {
  const t = TEXTS[locale];
  const next = { label: t.next, action: TipAction.next };
  const done = { label: t.done, action: TipAction.done };
  switch (say.kind) {
    case 'offer':
      return [
        text(t.offer, [
          [
            { label: t.offerYes, action: TipAction.yes },
            { label: t.offerNo, action: TipAction.no },
          ],
        ]),
      ];
    case 'intro':
      return [text(t.intro(say.retentionDays), [[cancel(locale)]])];
    case 'no_words':
      return [text(t.noWords, [[cancel(locale)]])];
    case 'describe_first':
      return [text(t.describeFirst, [[cancel(locale)]])];
    case 'too_long':
      return [text(t.tooLong(TIP_LIMITS.text), [[next, cancel(locale)]])];
    case 'noted':
      return [text(t.noted, [[next, cancel(locale)]])];
    case 'photo_noted':
      return [text(t.photoNoted, [[next, cancel(locale)]])];
    case 'full':
      return [text(t.full, [[next, cancel(locale)]])];
    case 'ask_contact':
      return [
        text(t.askContact, [
          [
            { label: t.anonymous, action: TipAction.anonymous },
            { label: t.giveContact, action: TipAction.contact },
          ],
          [cancel(locale)],
        ]),
      ];
    case 'ask_contact_text':
      return [
        text(t.askContactText, [
          [{ label: t.anonymous, action: TipAction.anonymous }, cancel(locale)],
        ]),
      ];
    case 'contact_too_long':
      return [
        text(t.contactTooLong(TIP_LIMITS.contact), [
          [{ label: t.anonymous, action: TipAction.anonymous }, cancel(locale)],
        ]),
      ];
    case 'ask_area':
      return [text(t.askArea, [[cancel(locale)]])];
    case 'area_not_found':
      return [text(t.areaNotFound(shown(say.typed)), [[cancel(locale)]])];
    case 'choose_area':
      return [
        text(say.more ? `${t.chooseArea}\n${t.moreAreas}` : t.chooseArea, [
          ...say.places.map((p) => [{ label: p.label, action: TipAction.place(p.id) }]),
          [cancel(locale)],
        ]),
      ];
    case 'confirm':
      return [
        text(t.confirm(say.texts, say.photos, say.anonymous, say.area), [
          [{ label: t.send, action: TipAction.send }, cancel(locale)],
        ]),
      ];
    case 'sent': {
      const code = formatTipCode(say.code);
      return [
        text(t.sent(code, say.area), [
          [
            { label: t.addMore, action: TipAction.add(say.code) },
            { label: t.topics, action: 'menu' },
          ],
        ]),
      ];
    }
    case 'adding':
      return [text(t.adding(formatTipCode(say.code)), [[done]])];
    case 'added':
      return [text(t.added(formatTipCode(say.code)), [[done]])];
    case 'thanks':
      return [text(t.thanks)];
    case 'cancelled':
      return [text(t.cancelled)];
    case 'off':
      return [text(t.off)];
    case 'code_not_found':
      return [text(t.codeNotFound(shown(say.typed)))];
  }
}

/** The police's answer to a report, as the person gets it (through the outbox). */
export function tipReplyReplies(locale: BotLocale, code: string, body: string): BotReply[] {
  const t = TEXTS[locale];
  return [
    text(`${t.policeReply(formatTipCode(code))}\n${body}`, [
      [{ label: t.addMore, action: TipAction.add(code) }],
    ]),
  ];
}

/** What a police officer's linked chat is told of a report: never its content nor who sent it. */
export interface TipNoticeView {
  kind: 'new' | 'addition';
  code: string;
  area: string;
  /** The report in the console (PUBLIC_URL/tips/<id>), or null when PUBLIC_URL is not set. */
  url: string | null;
}

const NOTICE_TEXTS = {
  vi: {
    new: (code: string, area: string) => `Có tin báo mới gửi Công an: mã ${code}, địa bàn ${area}.`,
    addition: (code: string, area: string) =>
      `Người báo tin đã gửi thêm thông tin cho tin báo mã ${code}, địa bàn ${area}.`,
    open: (url: string) => `Xem trong trang quản trị: ${url}`,
    openNoUrl: 'Xem trong trang quản trị, mục Hỏi đáp → Tin báo cho Công an.',
  },
  en: {
    new: (code: string, area: string) => `A new report to the police: code ${code}, area ${area}.`,
    addition: (code: string, area: string) =>
      `The reporter added information to report ${code}, area ${area}.`,
    open: (url: string) => `Open it in the admin console: ${url}`,
    openNoUrl: 'Open it in the admin console, under Reports to the police.',
  },
} as const;

/**
 * The notice to a police officer's linked chat (outbox kind `tip_notice`): that a report, or an
 * addition to one, arrived, its code, its area and where to read it. Plain text: the address
 * must reach the chat as it is.
 */
export function tipNoticeReplies(locale: BotLocale, notice: TipNoticeView): BotReply[] {
  const t = NOTICE_TEXTS[locale];
  const code = formatTipCode(notice.code);
  return [
    {
      type: 'text',
      text: `${t[notice.kind](code, notice.area)}\n${notice.url ? t.open(notice.url) : t.openNoUrl}`,
    },
  ];
}

/** A code typed after /baotin: the stored form, or null when it cannot be one. */
export function tipCodeOf(typed: string | undefined): string | null {
  return typed ? normaliseTipCode(typed) : null;
}
