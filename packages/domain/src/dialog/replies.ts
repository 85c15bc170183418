import type { AskResponse } from '../api/knowledge';
import type { BotLocale, BotReply, Channel, ReplyButton, TextReply } from '../messages/bot-message';
import { buttonLabel, splitAnswer } from './answer-split';
import { botText } from './bot-texts';
import { companyCheckButton } from './company-check';
import { hotlineNumbers } from './danger';
import { helpNearbyButton } from './help-nearby';
import { tipMenuButton } from './tip-flow';
import { Action } from './intent';

/** Builders of the bot's replies; the API fills them with data, adapters render them. */

const text = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

export function welcomeReplies(
  locale: BotLocale,
  topics: { id: string; name: string }[],
  pageSize?: number,
): BotReply[] {
  return [text(botText(locale, 'welcome')), menuReply(locale, topics, pageSize)];
}

/**
 * The topic menu. With `pageSize`, `page` (from 0) of it, and a button to the next page (from
 * the last one, back to the first): for a channel that shows few buttons at once.
 */
export function menuReply(
  locale: BotLocale,
  topics: { id: string; name: string }[],
  pageSize = topics.length,
  page = 0,
): TextReply {
  if (topics.length === 0) return text(botText(locale, 'noTopics'), [[handoffButton(locale)]]);
  const pages = Math.max(1, Math.ceil(topics.length / pageSize));
  const shown = Math.min(page, pages - 1);
  const more =
    pages > 1
      ? [
          [
            shown + 1 < pages
              ? { label: botText(locale, 'moreTopics'), action: Action.menuPage(shown + 1) }
              : { label: botText(locale, 'firstTopics'), action: Action.menu },
          ],
        ]
      : [];
  return text(botText(locale, 'menu'), [
    ...topics
      .slice(shown * pageSize, (shown + 1) * pageSize)
      .map((t) => [{ label: t.name, action: Action.topic(t.id) }]),
    ...more,
    [helpNearbyButton(locale), companyCheckButton(locale)],
    [tipMenuButton(locale), handoffButton(locale)],
  ]);
}

export function topicReplies(
  locale: BotLocale,
  faqs: { id: string; question: string }[],
  wholeLabels = false,
): BotReply[] {
  if (faqs.length === 0) return [text(botText(locale, 'topicEmpty'), [[menuButton(locale)]])];
  const { intro, buttons } = questionButtons(
    botText(locale, 'topicFaqs'),
    faqs,
    Action.faq,
    wholeLabels,
  );
  return [text(intro, [...buttons, [menuButton(locale)]])];
}

/**
 * FAQ questions as buttons, one a row. Labels are kept short (Telegram shows about 30–40
 * characters a line, Zalo wraps little): a question too long for one is cut at a word with "…",
 * and then the message lists the questions whole, numbered like their buttons. `wholeLabels`
 * for a channel whose buttons wrap (the web chat): every question whole on its button, no list.
 */
function questionButtons(
  intro: string,
  faqs: { id: string; question: string }[],
  action: (id: string) => string,
  wholeLabels = false,
): { intro: string; buttons: ReplyButton[][] } {
  const whole = wholeLabels || faqs.every((f) => buttonLabel(f.question) === f.question);
  if (whole) {
    return { intro, buttons: faqs.map((f) => [{ label: f.question, action: action(f.id) }]) };
  }
  return {
    intro: [intro, ...faqs.map((f, i) => `${i + 1}. ${f.question}`)].join('\n'),
    buttons: faqs.map((f, i) => [
      { label: buttonLabel(`${i + 1}. ${f.question}`), action: action(f.id) },
    ]),
  };
}

/** "Có phải bạn muốn hỏi:" and the FAQs that may fit, as buttons a person picks from. */
function didYouMean(
  locale: BotLocale,
  choices: { id: string; question: string }[],
  wholeLabels: boolean,
): { intro: string; buttons: ReplyButton[][] } {
  return questionButtons(botText(locale, 'didYouMean'), choices, Action.pick, wholeLabels);
}

/**
 * An answer, a choice between close FAQs ("Có phải bạn muốn hỏi…", with "Không phải, gặp cán
 * bộ"), or the honest "no answer" of a question sent to staff. `emergency` (the emergency route,
 * content staff edit) goes first when there is no ready answer.
 */
export function answerReplies(
  locale: BotLocale,
  result: AskResponse,
  emergency?: string,
  helpTopicId?: string,
  wholeLabels = false,
): BotReply[] {
  if (result.status === 'answered' && result.faq)
    return faqReplies(locale, result.faq, helpTopicId);
  if (result.status === 'ambiguous') {
    const choices = didYouMean(locale, result.suggestions, wholeLabels);
    return [
      text(choices.intro, [
        ...choices.buttons,
        [{ label: botText(locale, 'notThese'), action: Action.handoff }],
      ]),
    ];
  }
  // The question stays with staff; the person may still go back to asking the bot meanwhile.
  // One message, the emergency route first: read before anything else, and one chat call.
  return [
    text(`${emergencyText(locale, emergency)}\n\n${botText(locale, 'noAnswer')}`, [
      [
        { label: botText(locale, 'askSomethingElse'), action: Action.endHandoff },
        menuButton(locale),
      ],
    ]),
  ];
}

/** The emergency route (113, the citizen-protection hotline abroad), as staff wrote it. */
export function emergencyReply(locale: BotLocale, emergency?: string): TextReply {
  return text(emergencyText(locale, emergency));
}

/**
 * In Vietnamese, the route as staff wrote it (the bot's own sentence when there is none). Staff
 * write the route in Vietnamese only: in English, the bot's own sentence with the hotlines the
 * route names, so a number staff change reaches English speakers too.
 */
function emergencyText(locale: BotLocale, emergency?: string): string {
  const route = emergency?.trim();
  if (route && locale === 'vi') return route;
  const hotlines = route ? hotlineNumbers(route) : [];
  const fallback = botText(locale, 'emergencyFallback');
  if (hotlines.length === 0) return fallback;
  const listed = hotlines.map((number) => `**${number}**`).join(', ');
  return `${fallback}\n${botText(locale, 'emergencyHotlines')} ${listed}.`;
}

/**
 * A message that sounds like danger: the emergency route first, the answer if there is a sure
 * one, then word that staff have it.
 */
export function dangerReplies(
  locale: BotLocale,
  emergency: string | undefined,
  faq: { id: string; question: string; answer: string } | undefined,
  forwarded: boolean,
  choices: { id: string; question: string }[] = [],
  wholeLabels = false,
): BotReply[] {
  // Without a sure answer, the FAQs that may fit, to read while staff take the message ("bị lừa
  // mất 50 triệu tiền đi xklđ": where to report it); staff have the message already, so no
  // "Không phải, gặp cán bộ".
  const offered = !faq && choices.length > 0 ? didYouMean(locale, choices, wholeLabels) : undefined;
  return [
    emergencyReply(locale, emergency),
    ...(faq ? faqReplies(locale, faq) : []),
    ...(offered ? [text(offered.intro, offered.buttons)] : []),
    forwarded
      ? text(botText(locale, 'dangerHandoff'), [
          [{ label: botText(locale, 'endHandoff'), action: Action.endHandoff }],
        ])
      : text(botText(locale, 'handoffsPaused'), [[handoffButton(locale)]]),
  ];
}

/**
 * A message that sounds like danger from someone already waiting for staff: the emergency route
 * first, then word that their item is now urgent.
 */
export function urgentHandoffReplies(locale: BotLocale, emergency: string | undefined): BotReply[] {
  return [emergencyReply(locale, emergency), text(botText(locale, 'handoffUrgent'))];
}

const URGENT_NOTICE_TEXTS = {
  vi: {
    notice: (channel: string) =>
      `⚠️ Hộp thư hỏi đáp có tin nhắn khẩn cấp: một người nhắn qua ${channel} có thể đang gặp nguy hiểm. Bot đã gửi cho họ các số điện thoại khẩn cấp.`,
    open: (url: string) => `Mở để trả lời ngay: ${url}`,
    openNoUrl: 'Hãy mở trang quản trị, mục Hộp thư hỏi đáp, để trả lời ngay.',
    channels: { telegram: 'Telegram', zalo: 'Zalo', web: 'hộp hỏi đáp trên cổng thông tin' },
  },
  en: {
    notice: (channel: string) =>
      `⚠️ An urgent message in the inbox: someone writing on ${channel} may be in danger. The bot has sent them the emergency numbers.`,
    open: (url: string) => `Open it to answer now: ${url}`,
    openNoUrl: 'Open the admin console, under Inbox, to answer now.',
    channels: { telegram: 'Telegram', zalo: 'Zalo', web: 'the portal’s web chat' },
  },
} as const;

/**
 * The notice to the linked chat of someone who works the inbox (outbox kind `urgent_notice`):
 * that a person who may be in danger is waiting, on which channel, and where to answer. Never
 * what the person wrote: it stays in the console. Plain text, so the address reaches the chat
 * as it is.
 */
export function urgentNoticeReplies(
  locale: BotLocale,
  notice: { channel: Channel; url: string | null },
): BotReply[] {
  const t = URGENT_NOTICE_TEXTS[locale];
  return [
    {
      type: 'text',
      text: `${t.notice(t.channels[notice.channel])}\n${notice.url ? t.open(notice.url) : t.openNoUrl}`,
    },
  ];
}

/**
 * A question outside the field ("giá vàng hôm nay"): what this channel answers, the topics, and
 * a button to staff; the question itself is not sent to the inbox.
 */
export function outOfScopeReplies(
  locale: BotLocale,
  topics: { id: string; name: string }[],
  pageSize?: number,
): BotReply[] {
  return [text(botText(locale, 'outOfScope')), menuReply(locale, topics, pageSize)];
}

export function faqReplies(
  locale: BotLocale,
  faq: { id: string; question: string; answer: string },
  /** The answer's topic when support contacts help with it: a "Tìm nơi hỗ trợ" button. */
  helpTopicId?: string,
): BotReply[] {
  // One message: the feedback buttons sit under the answer they rate, and a chat platform
  // carries the answer in one call instead of two. A long answer: its first part, with
  // "Xem thêm" for the rest (see answer-split.ts); the person may rate it at once.
  const { first, rest } = splitAnswer(faq.answer);
  return [
    text(`**${faq.question}**\n\n${first}\n\n${botText(locale, 'askUseful')}`, [
      ...(rest ? [[{ label: botText(locale, 'readMore'), action: Action.more(faq.id) }]] : []),
      ...answerButtons(locale, faq.id, helpTopicId),
    ]),
  ];
}

/**
 * The rest of a long answer ("Xem thêm"), with the same feedback buttons. An answer edited
 * since into one that is no longer cut: sent whole.
 */
export function moreReplies(
  locale: BotLocale,
  faq: { id: string; question: string; answer: string },
  helpTopicId?: string,
): BotReply[] {
  const { rest } = splitAnswer(faq.answer);
  if (!rest) return faqReplies(locale, faq, helpTopicId);
  return [
    text(`${rest}\n\n${botText(locale, 'askUseful')}`, answerButtons(locale, faq.id, helpTopicId)),
  ];
}

function answerButtons(locale: BotLocale, faqId: string, helpTopicId?: string): ReplyButton[][] {
  return [
    [
      { label: botText(locale, 'useful'), action: Action.feedback(faqId, true) },
      { label: botText(locale, 'notUseful'), action: Action.feedback(faqId, false) },
    ],
    helpTopicId
      ? [helpNearbyButton(locale, helpTopicId), handoffButton(locale)]
      : [handoffButton(locale)],
  ];
}

export function handoffReplies(locale: BotLocale, alreadyOpen: boolean): BotReply[] {
  return [
    text(botText(locale, alreadyOpen ? 'handoffAlreadyOpen' : 'handoffOpened'), [
      [{ label: botText(locale, 'endHandoff'), action: Action.endHandoff }],
    ]),
  ];
}

export function staffReplyReplies(locale: BotLocale, body: string): BotReply[] {
  return [text(`${botText(locale, 'staffReply')}\n${body}`)];
}

export function languageReplies(): BotReply[] {
  return [
    text(botText('vi', 'chooseLanguage'), [
      [
        { label: 'Tiếng Việt', action: Action.language('vi') },
        { label: 'English', action: Action.language('en') },
      ],
    ]),
  ];
}

export function subscribeTopicReplies(
  locale: BotLocale,
  topics: { id: string; name: string }[],
): BotReply[] {
  return [
    text(botText(locale, 'subscribeTopic'), [
      [{ label: botText(locale, 'allTopics'), action: Action.subscribeTopic(null) }],
      ...topics.map((t) => [{ label: t.name, action: Action.subscribeTopic(t.id) }]),
      [cancelButton(locale)],
    ]),
  ];
}

export function subscribeLocalityReplies(
  locale: BotLocale,
  localities: { id: string; name: string }[],
): BotReply[] {
  return [
    text(botText(locale, 'subscribeLocality'), [
      [{ label: botText(locale, 'allLocalities'), action: Action.subscribeLocality(null) }],
      ...localities.map((l) => [{ label: l.name, action: Action.subscribeLocality(l.id) }]),
      [cancelButton(locale)],
    ]),
  ];
}

export function subscribeConsentReplies(locale: BotLocale): BotReply[] {
  return [
    text(botText(locale, 'subscribeConsent'), [
      [{ label: botText(locale, 'agree'), action: Action.subscribeConfirm }, cancelButton(locale)],
    ]),
  ];
}

/**
 * A button that no longer leads anywhere (an old message's topic, FAQ or unit, or a forged
 * payload): said so politely, followed by the list to choose from again.
 */
export function staleChoiceReplies(locale: BotLocale, next: BotReply[]): BotReply[] {
  return [text(botText(locale, 'staleChoice')), ...next];
}

/** A plain message from the catalogue, without buttons. */
export function sayReplies(locale: BotLocale, key: Parameters<typeof botText>[1]): BotReply[] {
  return [text(botText(locale, key))];
}

function handoffButton(locale: BotLocale): ReplyButton {
  return { label: botText(locale, 'talkToStaff'), action: Action.handoff };
}

function menuButton(locale: BotLocale): ReplyButton {
  return { label: botText(locale, 'backToMenu'), action: Action.menu };
}

function cancelButton(locale: BotLocale): ReplyButton {
  return { label: botText(locale, 'cancel'), action: Action.cancel };
}
