import {
  type SupportContactKind,
  supportContactKindLabelsVi,
  telUri,
} from '../directory/support-contact';
import type { BotLocale, BotReply, ReplyButton, TextReply } from '../messages/bot-message';

/**
 * "Tìm nơi hỗ trợ": the person names their commune or ward (typed any way), picks it among the
 * matches, and gets the contacts serving it, nearest level first. Pure: the API finds the units
 * and the contacts; this file reads the buttons and words and builds the replies.
 */

export type HelpNearbyIntent =
  /** Start (the menu, /hotro, after an answer: with the answer's topic; `again`: another area). */
  | { kind: 'find_help'; topicId?: string | null; again?: boolean }
  /** An area picked among the matches. */
  | { kind: 'find_help_place'; unitId: string }
  /** The name of an area, typed while the bot waits for one. */
  | { kind: 'find_help_text'; text: string };

/** What the conversation remembers while the bot waits for the area's name. */
export interface HelpNearbyState {
  topicId: string | null;
}

export const HelpNearbyAction = {
  start: 'near',
  forTopic: (topicId: string) => `near:t:${topicId}`,
  again: 'near:again',
  place: (unitId: string) => `near:u:${unitId}`,
} as const;

/** The intent of a `near…` button, or null for another button. */
export function helpNearbyActionIntent(parts: string[]): HelpNearbyIntent | null {
  const [head, a, b] = parts;
  if (head !== 'near') return null;
  if (a === 't' && b) return { kind: 'find_help', topicId: b };
  if (a === 'u' && b) return { kind: 'find_help_place', unitId: b };
  if (a === 'again') return { kind: 'find_help', again: true };
  return { kind: 'find_help' };
}

/** Words asking for it, compared folded ("tìm nơi hỗ trợ", "noi ho tro", "số điện thoại hỗ trợ"). */
export const HELP_NEARBY_PHRASES = [
  'tim noi ho tro',
  'noi ho tro',
  'tim noi giup do',
  'so dien thoai ho tro',
  'duong day nong',
  'find help',
  'find help nearby',
];

export const NEARBY_TEXTS = {
  vi: {
    button: 'Tìm nơi hỗ trợ',
    askPlace:
      'Bạn đang ở **xã, phường** nào? Hãy gõ tên (có dấu hay không dấu đều được), ví dụ: _Đức Xuân_.',
    notFound: (typed: string) =>
      `Chưa tìm thấy xã, phường nào tên “${typed}”. Bạn kiểm tra lại rồi gõ lại tên nhé ` +
      '(chỉ cần tên, ví dụ: _Đức Xuân_), hoặc bấm **Hủy**.',
    choose: 'Bạn ở nơi nào dưới đây?',
    more: 'Có nhiều nơi trùng tên: nếu không thấy nơi của bạn, hãy gõ đầy đủ tên hơn.',
    contactsFor: (place: string) => `**Nơi hỗ trợ cho ${place}** (gần nhất trước):`,
    none: 'Chưa có nơi hỗ trợ nào được ghi cho địa bàn này. Bạn có thể bấm **Gặp cán bộ** để được giúp.',
    sampleNote: '_Các mục ghi “dữ liệu mẫu” là dữ liệu để dùng thử, chưa phải thông tin thật._',
    danger: 'Nếu có người đang gặp nguy hiểm, hãy gọi ngay **113**.',
    address: 'Địa chỉ',
    hours: 'Giờ làm việc',
    otherPlace: 'Chọn nơi khác',
    cancel: 'Hủy',
    topics: 'Các chủ đề',
    talkToStaff: 'Gặp cán bộ',
  },
  en: {
    button: 'Find help nearby',
    askPlace:
      'Which **commune or ward** are you in? Type its name (with or without diacritics), e.g. _Đức Xuân_.',
    notFound: (typed: string) =>
      `No commune or ward named “${typed}” was found. Please check and type the name again ` +
      '(the name only, e.g. _Đức Xuân_), or press **Cancel**.',
    choose: 'Which of these is yours?',
    more: 'Many places have this name: if yours is not listed, type more of its name.',
    contactsFor: (place: string) => `**Where to get help in ${place}** (nearest first):`,
    none: 'No support contact is listed for this area yet. Press **Talk to staff** for help.',
    sampleNote: '_Entries marked “dữ liệu mẫu” are sample data, not real contacts._',
    danger: 'If someone is in danger now, call **113** at once.',
    address: 'Address',
    hours: 'Opening hours',
    otherPlace: 'Another area',
    cancel: 'Cancel',
    topics: 'Topics',
    talkToStaff: 'Talk to staff',
  },
} as const;

/** A contact as the bot shows it. */
export interface NearbyContact {
  name: string;
  kind: SupportContactKind;
  phone: string | null;
  address: string | null;
  openingHours: string | null;
  sample: boolean;
}

const text = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

const cancelButton = (locale: BotLocale): ReplyButton => ({
  label: NEARBY_TEXTS[locale].cancel,
  action: 'cancel',
});

/** The menu's button, and the one under an answer on a topic that has contacts. */
export function helpNearbyButton(locale: BotLocale, topicId?: string): ReplyButton {
  return {
    label: NEARBY_TEXTS[locale].button,
    action: topicId ? HelpNearbyAction.forTopic(topicId) : HelpNearbyAction.start,
  };
}

export function askPlaceReplies(locale: BotLocale): BotReply[] {
  return [text(NEARBY_TEXTS[locale].askPlace, [[cancelButton(locale)]])];
}

export function placeNotFoundReplies(locale: BotLocale, typed: string): BotReply[] {
  const shown = typed.replace(/[*_[\]()`]/g, '').slice(0, 60);
  return [text(NEARBY_TEXTS[locale].notFound(shown), [[cancelButton(locale)]])];
}

export function choosePlaceReplies(
  locale: BotLocale,
  places: { id: string; label: string }[],
  more: boolean,
): BotReply[] {
  const t = NEARBY_TEXTS[locale];
  return [
    text(more ? `${t.choose}\n${t.more}` : t.choose, [
      ...places.map((p) => [{ label: p.label, action: HelpNearbyAction.place(p.id) }]),
      [cancelButton(locale)],
    ]),
  ];
}

/**
 * The contacts serving a place, nearest first: each with its kind, a tap-to-call link (a
 * `tel:` link, which each channel shows as well as it can), address and hours; a note when any
 * is sample data, and 113 for danger.
 */
export function contactsReplies(
  locale: BotLocale,
  place: string,
  contacts: NearbyContact[],
): BotReply[] {
  const t = NEARBY_TEXTS[locale];
  const blocks = contacts.map((c) => {
    const lines = [`**${c.name}**`];
    const kind = supportContactKindLabelsVi[c.kind];
    lines.push(c.phone ? `${kind} · ☎ [${c.phone}](${telUri(c.phone)})` : kind);
    if (c.address) lines.push(`${t.address}: ${c.address}`);
    if (c.openingHours) lines.push(`${t.hours}: ${c.openingHours}`);
    return lines.join('\n');
  });
  const body = [
    t.contactsFor(place),
    ...(blocks.length ? blocks : [t.none]),
    ...(contacts.some((c) => c.sample) ? [t.sampleNote] : []),
    t.danger,
  ].join('\n\n');
  return [
    text(body, [
      [
        { label: t.otherPlace, action: HelpNearbyAction.again },
        { label: t.topics, action: 'menu' },
      ],
      ...(blocks.length ? [] : [[{ label: t.talkToStaff, action: 'handoff' }]]),
    ]),
  ];
}
