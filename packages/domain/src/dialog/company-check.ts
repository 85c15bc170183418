import type {
  CompanyListInfo,
  CompanyStatus,
  LicensedCompanyResponse,
} from '../directory/company-search';
import { companyStatusLabelsVi } from '../directory/company-search';
import type { BotLocale, BotReply, ReplyButton, TextReply } from '../messages/bot-message';
import { localIsoDateOf } from '../reporting/local-time';
import { helpNearbyButton } from './help-nearby';

/**
 * "Kiểm tra doanh nghiệp": is a company on the list of those licensed to send workers abroad?
 * Pure: the API searches the list; this file reads the buttons and builds the replies, which
 * never guess (a sure match, or up to three to choose from) and never call a company a fraud
 * because it is not found.
 */

export type CompanyCheckIntent =
  /** Start (menu, /kiemtra), or a question naming a company ("công ty ABC có được phép…"). */
  | { kind: 'check_company'; name?: string }
  /** A company picked among the candidates. */
  | { kind: 'check_company_pick'; companyId: string }
  /** None of the candidates is the one. */
  | { kind: 'check_company_none' }
  /** The name or licence number typed while the bot waits for one. */
  | { kind: 'check_company_text'; text: string };

export const CompanyAction = {
  start: 'co',
  pick: (id: string) => `co:${id}`,
  none: 'co:none',
} as const;

export function companyActionIntent(parts: string[]): CompanyCheckIntent | null {
  const [head, a] = parts;
  if (head !== 'co') return null;
  if (a === 'none') return { kind: 'check_company_none' };
  if (a) return { kind: 'check_company_pick', companyId: a };
  return { kind: 'check_company' };
}

export const COMPANY_CHECK_PHRASES = [
  'kiem tra doanh nghiep',
  'kiem tra cong ty',
  'tra cuu doanh nghiep',
  'check company',
];

const TEXTS = {
  vi: {
    button: 'Kiểm tra doanh nghiệp',
    ask: 'Bạn gõ **tên doanh nghiệp** (có dấu hay không dấu, viết tắt "cty", "TNHH" đều được) hoặc **số giấy phép** để kiểm tra.',
    onList: (name: string) =>
      `**${name}** có trong danh sách doanh nghiệp được cấp phép đưa người lao động đi làm việc ở nước ngoài.`,
    licence: (no: string, on: string | null) =>
      on ? `Số giấy phép: ${no}, cấp ngày ${on}.` : `Số giấy phép: ${no}.`,
    status: (label: string) => `Tình trạng: **${label}**.`,
    adviceActive:
      'Dù vậy, hãy làm việc trực tiếp với doanh nghiệp tại trụ sở, đọc kỹ hợp đồng trước khi ký, ' +
      'và không nộp tiền cho người môi giới hay người tự xưng là nhân viên của doanh nghiệp.',
    adviceStopped:
      'Doanh nghiệp này hiện **không được phép** đưa người đi làm việc ở nước ngoài. Đừng nộp tiền ' +
      'hay giấy tờ; nếu đã nộp, hãy báo cán bộ hoặc Công an nơi bạn ở.',
    listDate: (date: string | null, imported: string) =>
      date
        ? `_Theo danh sách ngày ${date} (đưa lên hệ thống ngày ${imported})._`
        : `_Theo danh sách đưa lên hệ thống ngày ${imported}._`,
    sample:
      '_Danh sách hiện có là **dữ liệu mẫu** để dùng thử, chưa phải danh sách thật của cơ quan quản lý._',
    notFound: (typed: string) =>
      `Không tìm thấy doanh nghiệp “${typed}” trong danh sách doanh nghiệp được cấp phép đưa người ` +
      'lao động đi làm việc ở nước ngoài.',
    notProof:
      'Điều này **chưa có nghĩa là doanh nghiệp lừa đảo**: có thể tên được gõ khác, hoặc danh sách ' +
      'chưa cập nhật. Trước khi nộp tiền hay giấy tờ, hãy hỏi cơ quan lao động hoặc cán bộ nơi bạn ở.',
    candidates: 'Chưa chắc bạn hỏi doanh nghiệp nào. Có phải một trong các doanh nghiệp sau?',
    none: 'Không có trong này',
    noList:
      'Hệ thống chưa có danh sách doanh nghiệp được cấp phép nên chưa kiểm tra được. Trước khi nộp ' +
      'tiền hay giấy tờ, hãy hỏi cơ quan lao động hoặc cán bộ nơi bạn ở.',
    cancel: 'Hủy',
    talkToStaff: 'Gặp cán bộ',
    another: 'Kiểm tra doanh nghiệp khác',
  },
  en: {
    button: 'Check a company',
    ask: 'Type the **company’s name** (with or without diacritics, "cty", "TNHH" are fine) or its **licence number**.',
    onList: (name: string) =>
      `**${name}** is on the list of enterprises licensed to send workers abroad.`,
    licence: (no: string, on: string | null) =>
      on ? `Licence: ${no}, issued on ${on}.` : `Licence: ${no}.`,
    status: (label: string) => `Status: **${label}**.`,
    adviceActive:
      'Even so, deal with the company directly at its office, read the contract before signing, ' +
      'and pay nothing to brokers or people who say they work for it.',
    adviceStopped:
      'This company may **not** send workers abroad now. Pay nothing and hand over no papers; if you ' +
      'already have, tell staff or the police where you live.',
    listDate: (date: string | null, imported: string) =>
      date
        ? `_According to the list of ${date} (loaded on ${imported})._`
        : `_According to the list loaded on ${imported}._`,
    sample: '_The list is **sample data** for trying the system, not the authorities’ real list._',
    notFound: (typed: string) =>
      `“${typed}” was not found on the list of enterprises licensed to send workers abroad.`,
    notProof:
      'This does **not mean the company is a fraud**: the name may be written differently, or the ' +
      'list may be out of date. Before paying or handing over papers, ask the labour office or staff.',
    candidates: 'It is not clear which company you mean. Is it one of these?',
    none: 'None of these',
    noList:
      'There is no list of licensed enterprises in the system yet, so this cannot be checked. ' +
      'Before paying or handing over papers, ask the labour office or staff.',
    cancel: 'Cancel',
    talkToStaff: 'Talk to staff',
    another: 'Check another company',
  },
} as const;

const statusLabelsEn: Record<CompanyStatus, string> = {
  active: 'Licensed and active',
  suspended: 'Suspended',
  revoked: 'Licence revoked',
};

const text = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

/** yyyy-mm-dd as dd/mm/yyyy. */
const day = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export function companyCheckButton(locale: BotLocale): ReplyButton {
  return { label: TEXTS[locale].button, action: CompanyAction.start };
}

export function askCompanyReplies(locale: BotLocale): BotReply[] {
  return [text(TEXTS[locale].ask, [[{ label: TEXTS[locale].cancel, action: 'cancel' }]])];
}

function listLines(locale: BotLocale, list: CompanyListInfo): string[] {
  const t = TEXTS[locale];
  return [
    t.listDate(
      list.listDate ? day(list.listDate) : null,
      day(localIsoDateOf(new Date(list.importedAt))),
    ),
    ...(list.sample ? [t.sample] : []),
  ];
}

const helpButtons = (locale: BotLocale): ReplyButton[][] => [
  [helpNearbyButton(locale), { label: TEXTS[locale].talkToStaff, action: 'handoff' }],
];

export function companyFoundReplies(
  locale: BotLocale,
  company: LicensedCompanyResponse,
  list: CompanyListInfo,
): BotReply[] {
  const t = TEXTS[locale];
  const label = (locale === 'en' ? statusLabelsEn : companyStatusLabelsVi)[company.status];
  const body = [
    [
      t.onList(company.name),
      t.licence(company.licenceNumber, company.licensedOn ? day(company.licensedOn) : null),
      t.status(label),
    ].join('\n'),
    company.status === 'active' ? t.adviceActive : t.adviceStopped,
    ...listLines(locale, list),
  ].join('\n\n');
  return [
    text(body, [
      [{ label: t.another, action: CompanyAction.start }],
      ...(company.status === 'active' ? [] : helpButtons(locale)),
    ]),
  ];
}

export function companyNotFoundReplies(
  locale: BotLocale,
  typed: string,
  list: CompanyListInfo | null,
): BotReply[] {
  const t = TEXTS[locale];
  if (!list) return [text(t.noList, helpButtons(locale))];
  const shown = typed.replace(/[*_[\]()`]/g, '').slice(0, 80);
  const body = [t.notFound(shown), t.notProof, ...listLines(locale, list)].join('\n\n');
  return [text(body, helpButtons(locale))];
}

export function companyCandidatesReplies(
  locale: BotLocale,
  candidates: Pick<LicensedCompanyResponse, 'id' | 'name'>[],
): BotReply[] {
  const t = TEXTS[locale];
  return [
    text(t.candidates, [
      ...candidates.map((c) => [{ label: c.name.slice(0, 60), action: CompanyAction.pick(c.id) }]),
      [{ label: t.none, action: CompanyAction.none }],
    ]),
  ];
}
