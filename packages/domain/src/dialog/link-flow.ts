import type { BotLocale, BotReply, ReplyButton, TextReply } from '../messages/bot-message';
import { normaliseLinkCode } from '../reporting/link-codes';

/**
 * Linking a chat account (Telegram, Zalo) to a unit's reporting officer: `/lienket CODE`, or the
 * "Liên kết tài khoản đơn vị" button and then the code. The console shows the officer a one-time
 * code; the API redeems it. A linked person sees their name and unit, gets the unit's menu
 * buttons (reports, task updates), and can undo the link (`/huylienket`). Free text outside a
 * report still goes to the citizens' question answering.
 */

/** What a linked chat account stands for: an officer of a unit. */
export interface LinkedAccountView {
  fullName: string;
  unitName: string;
}

/** Why a code was not taken. Every one gets a Vietnamese sentence, never a stack trace. */
export type LinkRefusal =
  | 'malformed'
  | 'unknown'
  | 'used'
  | 'expired'
  | 'revoked'
  | 'too_many_attempts'
  | 'inactive_user'
  | 'other_account';

export const LinkAction = {
  /** Asks for a code. */
  link: 'link',
  /** Shows the linked account, with the undo button. */
  account: 'acct',
  unlink: 'unlink',
  unlinkConfirm: 'unlink:ok',
} as const;

export const LINK_TEXTS = {
  linkButton: 'Liên kết tài khoản đơn vị',
  askCode:
    'Để liên kết tài khoản này với đơn vị, bạn vui lòng gõ **mã liên kết** gồm 8 ký tự mà ' +
    'Văn phòng điều phối cấp cho bạn (ví dụ ABCD-EFGH). Mã dùng một lần và có thời hạn.',
  linked: (a: LinkedAccountView) =>
    `Đã liên kết tài khoản này với cán bộ **${a.fullName}**, đơn vị **${a.unitName}**.\n` +
    'Từ nay bạn có thể gửi báo cáo định kỳ (/baocao) và cập nhật tiến độ nhiệm vụ (/capnhat) ' +
    'ngay tại đây. Các câu hỏi khác vẫn được trả lời như bình thường.\n' +
    'Nếu đây không phải bạn hoặc đơn vị của bạn, bấm **Hủy liên kết**.',
  alreadyLinked: (a: LinkedAccountView) =>
    `Tài khoản này đã liên kết với cán bộ **${a.fullName}**, đơn vị **${a.unitName}**. ` +
    'Muốn liên kết với người khác, bạn hãy hủy liên kết trước.',
  account: (a: LinkedAccountView) =>
    `Tài khoản này đang liên kết với cán bộ **${a.fullName}**, đơn vị **${a.unitName}**.`,
  notLinked:
    'Tài khoản này chưa liên kết với đơn vị nào. Gõ /lienket và mã liên kết do Văn phòng điều ' +
    'phối cấp để liên kết.',
  needsLink:
    'Việc này dành cho cán bộ của đơn vị. Bạn cần liên kết tài khoản trước: gõ /lienket và ' +
    'mã liên kết do Văn phòng điều phối cấp.',
  confirmUnlink: (a: LinkedAccountView) =>
    `Hủy liên kết tài khoản này với cán bộ **${a.fullName}** (${a.unitName})? ` +
    'Báo cáo đang soạn dở vẫn được lưu ở hệ thống.',
  unlinked:
    'Đã hủy liên kết. Tài khoản này không còn gửi được báo cáo hay cập nhật tiến độ cho đơn vị.',
  unlinkButton: 'Hủy liên kết',
  unlinkConfirmButton: 'Đồng ý hủy liên kết',
  keepButton: 'Giữ liên kết',
  unitMenu: (a: LinkedAccountView) => `Việc của đơn vị **${a.unitName}**:`,
  reportsButton: 'Báo cáo định kỳ',
  taskUpdateButton: 'Cập nhật tiến độ nhiệm vụ',
  accountButton: 'Tài khoản liên kết',
  cancelButton: 'Hủy',
  refused: {
    malformed:
      'Mã liên kết không đúng dạng: mã gồm 8 ký tự chữ và số, ví dụ ABCD-EFGH. Bạn vui lòng gõ lại.',
    unknown:
      'Mã liên kết không đúng. Bạn vui lòng kiểm tra lại mã (chú ý các ký tự dễ nhầm) hoặc xin ' +
      'Văn phòng điều phối cấp mã mới.',
    used: 'Mã liên kết này đã được dùng. Mỗi mã chỉ dùng được một lần; bạn vui lòng xin Văn phòng điều phối cấp mã mới.',
    expired: 'Mã liên kết này đã hết hạn. Bạn vui lòng xin Văn phòng điều phối cấp mã mới.',
    revoked: 'Mã liên kết này đã bị thu hồi. Bạn vui lòng xin Văn phòng điều phối cấp mã mới.',
    too_many_attempts:
      'Bạn đã nhập sai mã quá nhiều lần. Vui lòng chờ ít phút rồi thử lại, hoặc liên hệ Văn phòng điều phối.',
    inactive_user:
      'Tài khoản cán bộ gắn với mã này đã bị khóa. Bạn vui lòng liên hệ Văn phòng điều phối.',
    other_account: 'Mã này dành cho một tài khoản khác. Bạn vui lòng liên hệ Văn phòng điều phối.',
  } satisfies Record<LinkRefusal, string>,
} as const;

type LinkTexts = {
  [K in keyof typeof LINK_TEXTS]: K extends 'refused'
    ? Record<LinkRefusal, string>
    : (typeof LINK_TEXTS)[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : string;
};

/** The flow in English, for an officer who chose English with /lang. */
export const LINK_TEXTS_EN: LinkTexts = {
  linkButton: 'Link a unit account',
  askCode:
    'To link this account to your unit, please type the 8-character **link code** the ' +
    'coordinating office gave you (e.g. ABCD-EFGH). A code works once and expires.',
  linked: (a: LinkedAccountView) =>
    `This account is now linked to officer **${a.fullName}**, unit **${a.unitName}**.\n` +
    'You can now send periodic reports (/baocao) and task progress updates (/capnhat) right ' +
    'here. Other questions are answered as usual.\n' +
    'If this is not you or your unit, press **Unlink**.',
  alreadyLinked: (a: LinkedAccountView) =>
    `This account is already linked to officer **${a.fullName}**, unit **${a.unitName}**. ` +
    'To link it to someone else, unlink it first.',
  account: (a: LinkedAccountView) =>
    `This account is linked to officer **${a.fullName}**, unit **${a.unitName}**.`,
  notLinked:
    'This account is not linked to any unit. Type /lienket and the link code from the ' +
    'coordinating office to link it.',
  needsLink:
    'This is for unit officers. Link your account first: type /lienket and the link code from ' +
    'the coordinating office.',
  confirmUnlink: (a: LinkedAccountView) =>
    `Unlink this account from officer **${a.fullName}** (${a.unitName})? ` +
    'A draft report stays saved in the system.',
  unlinked: 'Unlinked. This account can no longer send reports or progress updates for the unit.',
  unlinkButton: 'Unlink',
  unlinkConfirmButton: 'Yes, unlink',
  keepButton: 'Keep the link',
  unitMenu: (a: LinkedAccountView) => `Tasks of unit **${a.unitName}**:`,
  reportsButton: 'Periodic reports',
  taskUpdateButton: 'Task progress update',
  accountButton: 'Linked account',
  cancelButton: 'Cancel',
  refused: {
    malformed:
      'The link code is not in the right form: 8 letters and digits, e.g. ABCD-EFGH. Please type it again.',
    unknown:
      'The link code is wrong. Please check it (mind the look-alike characters) or ask the ' +
      'coordinating office for a new one.',
    used: 'This link code has already been used. Each code works once; please ask the coordinating office for a new one.',
    expired: 'This link code has expired. Please ask the coordinating office for a new one.',
    revoked: 'This link code was revoked. Please ask the coordinating office for a new one.',
    too_many_attempts:
      'Too many wrong codes. Please wait a few minutes and try again, or contact the coordinating office.',
    inactive_user:
      'The officer account this code is for has been deactivated. Please contact the coordinating office.',
    other_account: 'This code is for another account. Please contact the coordinating office.',
  },
};

/** The flow's sentences in `locale` (Vietnamese unless English was chosen). */
export function linkTexts(locale: BotLocale | undefined): LinkTexts {
  return locale === 'en' ? LINK_TEXTS_EN : LINK_TEXTS;
}

/** A typed code in canonical form, or null when it cannot be one. */
export function readLinkCode(text: string | undefined): string | null {
  return text ? normaliseLinkCode(text.trim()) : null;
}

const say = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

const cancelButton = (t: LinkTexts): ReplyButton => ({ label: t.cancelButton, action: 'cancel' });
const unlinkButton = (t: LinkTexts): ReplyButton => ({
  label: t.unlinkButton,
  action: LinkAction.unlink,
});

export function askLinkCodeReplies(locale: BotLocale = 'vi'): BotReply[] {
  const t = linkTexts(locale);
  return [say(t.askCode, [[cancelButton(t)]])];
}

export function linkedReplies(account: LinkedAccountView, locale: BotLocale = 'vi'): BotReply[] {
  const t = linkTexts(locale);
  return [say(t.linked(account), [[unlinkButton(t)]]), unitMenuReply(account, locale)];
}

export function alreadyLinkedReplies(
  account: LinkedAccountView,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = linkTexts(locale);
  return [say(t.alreadyLinked(account), [[unlinkButton(t)]])];
}

/** A code that was not taken: why, and (when typing it again may help) a way out. */
export function linkRefusedReplies(reason: LinkRefusal, locale: BotLocale = 'vi'): BotReply[] {
  const t = linkTexts(locale);
  const retry = reason === 'malformed' || reason === 'unknown';
  return [say(t.refused[reason], retry ? [[cancelButton(t)]] : undefined)];
}

export function accountReplies(
  account: LinkedAccountView | null,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = linkTexts(locale);
  if (!account) return [say(t.notLinked)];
  return [say(t.account(account), [[unlinkButton(t)]])];
}

export function confirmUnlinkReplies(
  account: LinkedAccountView,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = linkTexts(locale);
  return [
    say(t.confirmUnlink(account), [
      [
        { label: t.unlinkConfirmButton, action: LinkAction.unlinkConfirm },
        { label: t.keepButton, action: 'cancel' },
      ],
    ]),
  ];
}

/**
 * The help on Telegram and Zalo: the citizens' help, with the unit's buttons for a linked
 * account, or the "Liên kết tài khoản đơn vị" button for an officer yet to link.
 */
export function unitHelpReplies(
  help: BotReply[],
  account: LinkedAccountView | null,
  locale: BotLocale = 'vi',
): BotReply[] {
  if (account) return [...help, unitMenuReply(account, locale)];
  const [first, ...rest] = help;
  if (!first || first.type !== 'text') return help;
  const link = [{ label: linkTexts(locale).linkButton, action: LinkAction.link }];
  return [{ ...first, buttons: [...(first.buttons ?? []), link] }, ...rest];
}

export function needsLinkReplies(locale: BotLocale = 'vi'): BotReply[] {
  const t = linkTexts(locale);
  return [say(t.needsLink, [[{ label: t.linkButton, action: LinkAction.link }]])];
}

/**
 * The unit's own buttons, shown to a linked account after the topic menu: three buttons in one
 * message, so they fit a Zalo message too. Citizens never see it.
 */
export function unitMenuReply(account: LinkedAccountView, locale: BotLocale = 'vi'): TextReply {
  const t = linkTexts(locale);
  return say(t.unitMenu(account), [
    [{ label: t.reportsButton, action: 'rp' }],
    [{ label: t.taskUpdateButton, action: 'tu' }],
    [{ label: t.accountButton, action: LinkAction.account }],
  ]);
}
