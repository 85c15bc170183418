import { companyInQuestion } from '../directory/company-search';
import { normaliseText, foldDiacritics } from '../text';
import type { BotEvent, FileEvent } from '../messages/bot-message';
import type { ConversationState } from './conversation-state';
import {
  COMPANY_CHECK_PHRASES,
  companyActionIntent,
  type CompanyCheckIntent,
} from './company-check';
import { HELP_NEARBY_PHRASES, helpNearbyActionIntent, type HelpNearbyIntent } from './help-nearby';
import { LinkAction } from './link-flow';
import { reportActionIntent, type ReportIntent } from './report-flow';
import { attachmentOf, taskUpdateActionIntent, type TaskUpdateIntent } from './task-update-flow';
import {
  soundsLikeTip,
  TIP_START_PHRASES,
  tipActionIntent,
  tipFileIntent,
  type TipIntent,
} from './tip-flow';

/**
 * What a person wants, read from one event and the conversation's state. Pure: the API
 * carries the intent out (asks the matcher, opens inbox items, stores subscriptions).
 */
export type Intent =
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'menu'; page?: number }
  | { kind: 'choose_language'; locale?: 'vi' | 'en' }
  | { kind: 'ask'; text: string }
  | { kind: 'show_faq'; faqId: string }
  /** "Xem thêm" under the first part of a long answer: the rest of it. */
  | { kind: 'show_more'; faqId: string }
  /** One of the choices offered for a question ("Có phải bạn muốn hỏi…") picked. */
  | { kind: 'pick_choice'; faqId: string }
  | { kind: 'topic'; topicId: string }
  | { kind: 'feedback'; faqId: string; useful: boolean }
  | { kind: 'handoff'; text?: string }
  | { kind: 'handoff_message'; text: string }
  | { kind: 'end_handoff' }
  | { kind: 'subscribe' }
  | { kind: 'subscribe_topic'; topicId: string | null }
  | { kind: 'subscribe_locality'; localityId: string | null }
  | { kind: 'subscribe_confirm' }
  | { kind: 'unsubscribe' }
  | { kind: 'cancel' }
  | { kind: 'unfollow' }
  | { kind: 'unsupported'; what: string }
  // A unit's officer: linking the chat account, progress updates, periodic reports.
  | { kind: 'link'; code?: string }
  | { kind: 'account' }
  | { kind: 'unlink'; confirmed: boolean }
  | TaskUpdateIntent
  | ReportIntent
  | HelpNearbyIntent
  | CompanyCheckIntent
  | TipIntent;

/** Button payloads the bot offers; kept short (Telegram allows 64 bytes). */
export const Action = {
  faq: (id: string) => `faq:${id}`,
  /** The rest of a long answer ("Xem thêm"). */
  more: (faqId: string) => `more:${faqId}`,
  /** A FAQ picked among the choices offered for a question: a proposed alternate. */
  pick: (id: string) => `pick:${id}`,
  topic: (id: string) => `topic:${id}`,
  feedback: (faqId: string, useful: boolean) => `fb:${useful ? 'up' : 'down'}:${faqId}`,
  handoff: 'handoff',
  endHandoff: 'handoff:end',
  menu: 'menu',
  /** Another page of the topic menu (a channel showing few buttons at once: Zalo). */
  menuPage: (page: number) => `menu:${page}`,
  language: (locale: 'vi' | 'en') => `lang:${locale}`,
  subscribe: 'sub',
  subscribeTopic: (topicId: string | null) => `sub:t:${topicId ?? 'all'}`,
  subscribeLocality: (unitId: string | null) => `sub:l:${unitId ?? 'all'}`,
  subscribeConfirm: 'sub:ok',
  cancel: 'cancel',
} as const;

const COMMANDS: Record<string, Intent['kind']> = {
  start: 'start',
  batdau: 'start',
  help: 'help',
  trogiup: 'help',
  menu: 'menu',
  lang: 'choose_language',
  ngonngu: 'choose_language',
  huy: 'unsubscribe',
  unsubscribe: 'unsubscribe',
  dangky: 'subscribe',
  subscribe: 'subscribe',
  canbo: 'handoff',
  gapcanbo: 'handoff',
  lienket: 'link',
  huylienket: 'unlink',
  taikhoan: 'account',
  baocao: 'reports',
  capnhat: 'task_update',
  hotro: 'find_help',
  noihotro: 'find_help',
  timnoihotro: 'find_help',
  kiemtra: 'check_company',
  doanhnghiep: 'check_company',
  baotin: 'tip_start',
  tinbao: 'tip_start',
};

/** Phrases that ask for a person, typed in any way ("gặp cán bộ", "gap can bo", "nói chuyện với cán bộ"). */
const HANDOFF_PHRASES = [
  'gap can bo',
  'gap nguoi that',
  'noi chuyen voi can bo',
  'talk to staff',
  'talk to a person',
  'human',
];

/**
 * Greetings on their own ("xin chào", "chào bạn ạ", "hello", "alo"): answered with the welcome
 * and the menu. Sent to the matcher they found no answer and went to staff, and the person's
 * real question then only joined that inbox item. Compared folded, after the words of address
 * and politeness around them are dropped.
 */
const GREETINGS = new Set(['xin chao', 'chao', 'hello', 'helo', 'hi', 'hey', 'alo', 'a lo']);
const GREETING_EXTRAS = new Set([
  ...['a', 'ah', 'nhe', 'nha', 'oi', 'ban', 'cac', 'moi', 'nguoi', 'bot', 'ad', 'admin'],
  ...['anh', 'chi', 'em', 'co', 'chu', 'bac', 'can', 'bo', 'buoi', 'sang', 'trua', 'chieu'],
  ...['toi', 'there', 'everyone', 'all'],
]);

function isGreeting(folded: string): boolean {
  if (GREETINGS.has(folded)) return true;
  const words = folded.split(' ');
  if (words.length > 6) return false;
  const core = words.filter((word) => !GREETING_EXTRAS.has(word)).join(' ');
  return GREETINGS.has(core);
}

export function interpret(state: ConversationState, event: BotEvent): Intent {
  switch (event.type) {
    case 'follow':
      return { kind: 'start' };
    case 'unfollow':
      return { kind: 'unfollow' };
    case 'command':
      return commandIntent(event.command, event.argument);
    case 'action':
      return actionIntent(event.action);
    case 'text':
      return textIntent(state, event.text);
    case 'contact':
      // A phone number shared while the bot asks how to reach a person reporting.
      if (state.tip?.step === 'contact_text') return { kind: 'tip_text', text: event.phone };
      return { kind: 'unsupported', what: 'contact' };
    case 'file':
      return fileIntent(state, event);
    case 'unsupported':
      return { kind: 'unsupported', what: event.what };
  }
}

/**
 * A file joins a conversation with staff (they see it in the transcript). Otherwise the bot
 * cannot read it; but a caption with words is what the person asks ("Giấy phép này có thật
 * không?" under a photo), so it goes to the matcher like typed text. A bare file is answered
 * with "only text can be read".
 */
function fileIntent(state: ConversationState, event: FileEvent): Intent {
  const caption = event.caption?.normalize('NFC').trim() ?? '';
  // A photo of a report being written, or added to one sent (with its code).
  if (state.tip) return tipFileIntent(event);
  const draft = state.taskUpdate;
  if (draft && (draft.step === 'text' || draft.step === 'attach' || draft.step === 'confirm')) {
    return {
      kind: 'task_update_file',
      attachment: attachmentOf(event),
      ...(caption ? { caption } : {}),
    };
  }
  if (state.mode === 'handoff') {
    return { kind: 'handoff_message', text: fileLabel(event.fileName, caption) };
  }
  return caption ? textIntent(state, caption) : { kind: 'unsupported', what: 'file' };
}

/** A file as a transcript shows it: `[tệp: hop-dong.jpg] Đây là ảnh hợp đồng`. */
export function fileLabel(fileName?: string, caption?: string): string {
  const label = fileName ? `[tệp: ${fileName}]` : '[tệp]';
  return caption ? `${label} ${caption}` : label;
}

function commandIntent(command: string, argument?: string): Intent {
  const name = foldDiacritics(command.toLowerCase()).replace(/[^a-z]/g, '');
  const kind = COMMANDS[name];
  if (kind === 'choose_language') {
    const locale = argument?.trim().toLowerCase();
    return { kind, locale: locale === 'en' || locale === 'vi' ? locale : undefined };
  }
  if (kind === 'handoff') return { kind, text: argument?.trim() || undefined };
  if (kind === 'link') return { kind, code: argument?.trim() || undefined };
  if (kind === 'tip_start') return { kind, code: argument?.trim() || undefined };
  if (kind === 'unlink') return { kind, confirmed: false };
  if (kind) return { kind } as Intent;
  return { kind: 'help' };
}

function actionIntent(action: string): Intent {
  const parts = action.split(':');
  const [head, a, b] = parts;
  const unit =
    reportActionIntent(action) ??
    taskUpdateActionIntent(parts) ??
    helpNearbyActionIntent(parts) ??
    companyActionIntent(parts) ??
    tipActionIntent(parts);
  if (unit) return unit;
  switch (head) {
    case LinkAction.link:
      return { kind: 'link' };
    case LinkAction.account:
      return { kind: 'account' };
    case LinkAction.unlink:
      return { kind: 'unlink', confirmed: a === 'ok' };
    case 'faq':
      return a ? { kind: 'show_faq', faqId: a } : { kind: 'menu' };
    case 'more':
      return a ? { kind: 'show_more', faqId: a } : { kind: 'menu' };
    case 'pick':
      return a ? { kind: 'pick_choice', faqId: a } : { kind: 'menu' };
    case 'topic':
      return a ? { kind: 'topic', topicId: a } : { kind: 'menu' };
    case 'fb':
      return b ? { kind: 'feedback', faqId: b, useful: a === 'up' } : { kind: 'menu' };
    case 'handoff':
      return a === 'end' ? { kind: 'end_handoff' } : { kind: 'handoff' };
    case 'lang':
      return { kind: 'choose_language', locale: a === 'en' ? 'en' : a === 'vi' ? 'vi' : undefined };
    case 'sub':
      if (!a) return { kind: 'subscribe' };
      if (a === 'ok') return { kind: 'subscribe_confirm' };
      if (a === 't') return { kind: 'subscribe_topic', topicId: !b || b === 'all' ? null : b };
      if (a === 'l')
        return { kind: 'subscribe_locality', localityId: !b || b === 'all' ? null : b };
      return { kind: 'subscribe' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'menu': {
      const page = Number(a);
      return Number.isSafeInteger(page) && page > 0 ? { kind: 'menu', page } : { kind: 'menu' };
    }
    default:
      return { kind: 'menu' };
  }
}

function textIntent(state: ConversationState, raw: string): Intent {
  const text = raw.normalize('NFC').trim();
  const folded = foldDiacritics(normaliseText(text))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (HANDOFF_PHRASES.includes(folded)) return { kind: 'handoff' };
  if (HELP_NEARBY_PHRASES.includes(folded)) return { kind: 'find_help' };
  if (COMPANY_CHECK_PHRASES.includes(folded)) return { kind: 'check_company' };
  if (TIP_START_PHRASES.includes(folded)) return { kind: 'tip_start' };
  // A unit flow under way reads the text as its answer, before staff or the matcher.
  if (state.awaitingLinkCode) return { kind: 'link', code: text };
  if (state.report) return { kind: 'report_answer', text };
  if (state.taskUpdate && state.taskUpdate.step !== 'task')
    return { kind: 'task_update_text', text };
  // A report to the police being written: every text is part of it (or the step's answer).
  if (state.tip) return { kind: 'tip_text', text };
  if (state.mode === 'handoff') return { kind: 'handoff_message', text };
  // The name of a commune or ward, asked for by "Tìm nơi hỗ trợ".
  if (state.nearby) return { kind: 'find_help_text', text };
  if (state.companyCheck) return { kind: 'check_company_text', text };
  // "Tôi muốn tố giác…", "báo công an": asked first whether they want to send a report.
  if (soundsLikeTip(folded)) return { kind: 'tip_offer', text };
  // "công ty ABC có được phép đưa người đi Nhật không": checked against the licensed list.
  const company = companyInQuestion(text);
  if (company) return { kind: 'check_company', name: company };
  if (isGreeting(folded)) return { kind: 'start' };
  return { kind: 'ask', text };
}
