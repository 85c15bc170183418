import {
  Action,
  botText,
  renderMarkdown,
  type BotLocale,
  type BotTextKey,
  type ConversationMessage,
} from '@gcm/domain';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What a transcript line shows: the person's text, or the bot's / staff's reply as text. */
export function messageText(message: ConversationMessage): string {
  if (message.text) return message.text;
  const reply = message.reply;
  if (!reply) return '';
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'link':
      return [reply.title, reply.url].filter(Boolean).join('\n');
    case 'document':
      return [reply.caption, reply.fileName, reply.url].filter(Boolean).join('\n');
  }
}

/** The last question the person asked and the last reply sent, to prefill a new FAQ. */
export function faqDraftOf(
  question: string,
  messages: readonly ConversationMessage[],
): { question: string; answer: string } {
  const lastOut = [...messages].reverse().find((m) => m.direction === 'out');
  return { question, answer: lastOut ? messageText(lastOut) : '' };
}

/**
 * The safe HTML of a Markdown reply (the domain's renderer: raw HTML shown as text, links https
 * only), as the web chat shows it; null for anything else, shown as plain text.
 */
export function messageHtml(message: ConversationMessage): string | null {
  const reply = message.reply;
  return reply?.type === 'text' && reply.format === 'markdown' ? renderMarkdown(reply.text) : null;
}

/**
 * How the API records a press on one of the bot's buttons, or something the bot cannot read:
 * the button's payload or the kind of thing in brackets (`[handoff]`, `[faq:…]`, `[sticker]`).
 */
const BRACKETED = /^\[([^\s[\]][^[\]]*)\]$/u;

/** The first part of every payload the bot puts on its buttons (packages/domain's Action…). */
const ACTION_HEADS = new Set([
  ...['faq', 'pick', 'topic', 'fb', 'handoff', 'lang', 'sub', 'cancel', 'menu'],
  // A unit officer's flows: linking, reports, progress updates; help nearby; company check.
  ...['link', 'acct', 'unlink', 'rp', 'tu', 'near', 'co'],
]);

/** A button's label in the bot's own words, for a payload whose button is not in the transcript. */
const ACTION_LABELS: Record<string, BotTextKey> = {
  [Action.handoff]: 'talkToStaff',
  [Action.endHandoff]: 'endHandoff',
  [Action.menu]: 'backToMenu',
  // Action.feedback(faqId, …) without the FAQ.
  'fb:up': 'useful',
  'fb:down': 'notUseful',
  [Action.subscribeTopic(null)]: 'allTopics',
  [Action.subscribeLocality(null)]: 'allLocalities',
  [Action.subscribeConfirm]: 'agree',
  [Action.cancel]: 'cancel',
};

/**
 * What the bot's adapters call the things they cannot read (apps/bot's channels), and the key of
 * their name under inbox.event.kinds.
 */
const UNREADABLE: Record<string, string> = {
  animation: 'animation',
  gif: 'animation',
  sticker: 'sticker',
  location: 'location',
  venue: 'location',
  voice: 'voice',
  audio: 'audio',
  video: 'video',
  'video note': 'video',
  poll: 'poll',
  dice: 'other',
  game: 'other',
  story: 'story',
  invoice: 'other',
  message: 'other',
  'business card': 'contact',
  "someone else's contact": 'contact',
  'user info without a phone': 'other',
  'empty text': 'other',
  'empty action': 'other',
};

function buttonLabel(
  action: string,
  earlier: readonly ConversationMessage[],
  botLocale: BotLocale,
): string | null {
  // The label the person saw: the latest button of the bot with this payload.
  for (let i = earlier.length - 1; i >= 0; i--) {
    const reply = earlier[i].reply;
    if (earlier[i].direction !== 'out' || reply?.type !== 'text') continue;
    const button = reply.buttons?.flat().find((b) => b.action === action);
    if (button) return button.label;
  }
  if (action === Action.language('vi')) return 'Tiếng Việt';
  if (action === Action.language('en')) return 'English';
  if (/^menu:\d+$/.test(action)) return botText(botLocale, 'moreTopics');
  const key = ACTION_LABELS[action] ?? ACTION_LABELS[action.split(':').slice(0, 2).join(':')];
  return key ? botText(botLocale, key) : null;
}

/**
 * What the person did, in words, when a line records a button press or something the bot cannot
 * read ("Bấm nút: Gặp cán bộ", "Gửi nhãn dán (bot không đọc được)"); null for what they typed.
 * `earlier` are the lines before it, whose buttons give the label the person saw.
 */
export function inboundAction(
  message: ConversationMessage,
  earlier: readonly ConversationMessage[],
  t: Translate,
  botLocale: BotLocale,
): string | null {
  if (message.direction !== 'in' || !message.text) return null;
  const code = BRACKETED.exec(message.text)?.[1];
  if (!code) return null;
  if (ACTION_HEADS.has(code.split(':')[0]) && !/\s/.test(code)) {
    const label = buttonLabel(code, earlier, botLocale);
    return label ? t('inbox.event.button', { label }) : t('inbox.event.someButton');
  }
  const kind = Object.hasOwn(UNREADABLE, code) ? UNREADABLE[code] : undefined;
  if (kind) return t('inbox.event.unreadable', { what: t(`inbox.event.kinds.${kind}`) });
  return null;
}

/** A transcript's lines as the inbox shows them. */
export interface TranscriptLine {
  message: ConversationMessage;
  /** A Markdown reply's safe HTML (messageHtml), or null. */
  html: string | null;
  text: string;
  /** The text tells what the person did (a button pressed…), not words they typed. */
  isAction: boolean;
}

export function transcriptLines(
  messages: readonly ConversationMessage[],
  t: Translate,
  botLocale: BotLocale,
): TranscriptLine[] {
  return messages.map((message, index) => {
    const action = inboundAction(message, messages.slice(0, index), t, botLocale);
    return {
      message,
      html: action ? null : messageHtml(message),
      text: action ?? messageText(message),
      isAction: action !== null,
    };
  });
}
