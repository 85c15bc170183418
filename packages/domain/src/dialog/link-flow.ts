import type { BotReply, ReplyButton, TextReply } from '../messages/bot-message';
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

const cancelButton: ReplyButton = { label: LINK_TEXTS.cancelButton, action: 'cancel' };
const unlinkButton: ReplyButton = { label: LINK_TEXTS.unlinkButton, action: LinkAction.unlink };

export function askLinkCodeReplies(): BotReply[] {
  return [say(LINK_TEXTS.askCode, [[cancelButton]])];
}

export function linkedReplies(account: LinkedAccountView): BotReply[] {
  return [say(LINK_TEXTS.linked(account), [[unlinkButton]]), unitMenuReply(account)];
}

export function alreadyLinkedReplies(account: LinkedAccountView): BotReply[] {
  return [say(LINK_TEXTS.alreadyLinked(account), [[unlinkButton]])];
}

/** A code that was not taken: why, and (when typing it again may help) a way out. */
export function linkRefusedReplies(reason: LinkRefusal): BotReply[] {
  const retry = reason === 'malformed' || reason === 'unknown';
  return [say(LINK_TEXTS.refused[reason], retry ? [[cancelButton]] : undefined)];
}

export function accountReplies(account: LinkedAccountView | null): BotReply[] {
  if (!account) return [say(LINK_TEXTS.notLinked)];
  return [say(LINK_TEXTS.account(account), [[unlinkButton]])];
}

export function confirmUnlinkReplies(account: LinkedAccountView): BotReply[] {
  return [
    say(LINK_TEXTS.confirmUnlink(account), [
      [
        { label: LINK_TEXTS.unlinkConfirmButton, action: LinkAction.unlinkConfirm },
        { label: LINK_TEXTS.keepButton, action: 'cancel' },
      ],
    ]),
  ];
}

/**
 * The help on Telegram and Zalo: the citizens' help, with the unit's buttons for a linked
 * account, or the "Liên kết tài khoản đơn vị" button for an officer yet to link.
 */
export function unitHelpReplies(help: BotReply[], account: LinkedAccountView | null): BotReply[] {
  if (account) return [...help, unitMenuReply(account)];
  const [first, ...rest] = help;
  if (!first || first.type !== 'text') return help;
  const link = [{ label: LINK_TEXTS.linkButton, action: LinkAction.link }];
  return [{ ...first, buttons: [...(first.buttons ?? []), link] }, ...rest];
}

export function needsLinkReplies(): BotReply[] {
  return [say(LINK_TEXTS.needsLink, [[{ label: LINK_TEXTS.linkButton, action: LinkAction.link }]])];
}

/**
 * The unit's own buttons, shown to a linked account after the topic menu: three buttons in one
 * message, so they fit a Zalo message too. Citizens never see it.
 */
export function unitMenuReply(account: LinkedAccountView): TextReply {
  return say(LINK_TEXTS.unitMenu(account), [
    [{ label: LINK_TEXTS.reportsButton, action: 'rp' }],
    [{ label: LINK_TEXTS.taskUpdateButton, action: 'tu' }],
    [{ label: LINK_TEXTS.accountButton, action: LinkAction.account }],
  ]);
}
