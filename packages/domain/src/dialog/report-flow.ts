import type { BotLocale, BotReply, ReplyButton, TextReply } from '../messages/bot-message';
import { fieldHintVi, formatFieldValue, parseFieldInput } from '../reporting/field-input';
import { formatDateVi, type IsoDate } from '../reporting/local-time';
import { checkReport, failedRules } from '../reporting/report-values';
import {
  type SubmissionStatus,
  type SubmissionTimeliness,
  submissionStatusLabelsVi,
  submissionTimelinessLabelsVi,
} from '../reporting/submission-status';
import {
  type FieldValue,
  fieldOptions,
  type ReportField,
  type ReportTemplateDefinition,
  type ReportValues,
  templateFields,
} from '../reporting/template';

/**
 * A periodic report filled in through the bot (`/baocao`): the list of reports the unit owes,
 * then one field at a time (buttons for choices and yes/no, a retry with a clear message on a
 * bad value, "Quay lại", "Bỏ qua" for optional fields), a summary to review, "Gửi báo cáo".
 *
 * The draft's values live in the API's submission, saved answer by answer with the draft's
 * version, so they survive days, restarts and a switch to the console, and two officers of one
 * unit never overwrite each other silently. The conversation keeps only a cursor: which report,
 * which field, the way back.
 *
 * Everything here is pure: the API loads the draft (ReportDraftView), calls these to read the
 * person's input and to say the next thing, and saves what they return.
 */

/** A report the unit owes, as the list shows it. */
export interface OwedReportView {
  /** What opens it: the API's reference (a submission, or a template and period). */
  ref: string;
  title: string;
  periodLabel: string;
  dueOn: IsoDate;
  status: SubmissionStatus;
  timeliness: SubmissionTimeliness;
  locked: boolean;
}

/** One unit's report for one period, as the API holds it now. */
export interface ReportDraftView extends OwedReportView {
  template: Pick<ReportTemplateDefinition, 'sections' | 'rules'>;
  values: ReportValues;
  /** Bumped by every save: an answer given at an older version is refused. */
  version: number;
  returnComment: string | null;
  /**
   * While a submitted report is corrected (`withCorrection`): the values as submitted; `values`
   * then holds them with the person's corrections not yet sent.
   */
  savedValues?: ReportValues;
  /** The language of the conversation (Vietnamese when not set). */
  locale?: BotLocale;
}

/** Where a person is in a report (kept in the conversation's state). */
export interface ReportCursor {
  ref: string;
  step: 'field' | 'review';
  /** The field asked (its index among the template's fields), on step `field`. */
  field: number;
  /** The fields asked before, most recent last: "Quay lại" goes to the last one. */
  trail: number[];
  /** The walk goes on from here to the next field not answered (then the review). */
  resumeAt: number;
  /** The fields of a broken cross-field rule still to go back to. */
  fix?: number[];
  /** The draft's version when the question was asked; the answer is saved against it. */
  version: number;
  /**
   * A submitted report being corrected: the answers are held here (by field key, null: left
   * empty) and sent together with "Gửi lại báo cáo", checked as a whole like a submission.
   */
  correction?: Record<string, FieldValue | null>;
  /** The options ticked so far on a multiple-choice field (by index), until "Xong". */
  picked?: { field: number; options: number[] };
}

export type ReportIntent =
  | { kind: 'reports' }
  | { kind: 'report_open'; ref: string }
  | { kind: 'report_answer'; text: string }
  | { kind: 'report_choice'; field: number; option: number }
  | { kind: 'report_toggle'; field: number; option: number }
  | { kind: 'report_done'; field: number }
  | { kind: 'report_discard' }
  | { kind: 'report_skip'; field: number }
  | { kind: 'report_back' }
  | { kind: 'report_review' }
  | { kind: 'report_edit'; field: number }
  | { kind: 'report_fields'; page: number }
  | { kind: 'report_submit' };

export const ReportAction = {
  list: 'rp',
  open: (ref: string) => `rp:o:${ref}`,
  choice: (field: number, option: number) => `rp:v:${field}:${option}`,
  toggle: (field: number, option: number) => `rp:t:${field}:${option}`,
  done: (field: number) => `rp:d:${field}`,
  discard: 'rp:x',
  skip: (field: number) => `rp:s:${field}`,
  back: 'rp:b',
  review: 'rp:r',
  edit: (field: number) => `rp:e:${field}`,
  fields: (page: number) => `rp:l:${page}`,
  submit: 'rp:ok',
} as const;

export const REPORT_TEXTS = {
  owed: 'Các báo cáo đơn vị cần gửi:',
  noneOwed: 'Hiện đơn vị của bạn không có báo cáo nào cần gửi.',
  choose: 'Chọn một báo cáo để điền hoặc xem lại.',
  due: 'hạn nộp',
  locked:
    'Kỳ báo cáo này đã khóa, không thay đổi được nữa. Nếu cần điều chỉnh, bạn vui lòng liên hệ Văn phòng điều phối.',
  submittedAlready: (status: SubmissionStatus) =>
    `Báo cáo này ở trạng thái **${submissionStatusLabelsVi[status]}**, không sửa qua bot được. ` +
    'Nếu cần điều chỉnh, bạn vui lòng liên hệ Văn phòng điều phối.',
  correctable:
    'Báo cáo này **đã gửi**, đang chờ Văn phòng điều phối duyệt. Bạn vẫn có thể sửa cho đến khi ' +
    'báo cáo được duyệt hoặc kỳ báo cáo bị khóa: bấm **Sửa một mục** hoặc gõ số thứ tự của mục cần sửa.',
  correctionHint:
    'Bấm **Gửi lại báo cáo** để gửi các thay đổi, hoặc gõ số thứ tự của mục cần sửa (ví dụ 3).',
  correctionNone: 'Bạn chưa sửa mục nào. Chọn mục cần sửa, hoặc quay lại danh sách báo cáo.',
  changedFrom: (before: string) => `(đã sửa, trước đây: ${before})`,
  corrected: (title: string, period: string, changes: string[]) =>
    `Đã gửi lại báo cáo **${title}** – ${period} với ${changes.length} mục đã sửa:\n` +
    `${changes.join('\n')}\nMọi thay đổi được ghi lại (người sửa, thời điểm, giá trị trước và sau).`,
  discarded: 'Đã hủy các thay đổi chưa gửi; báo cáo đã gửi giữ nguyên.',
  pickHint: 'Bấm vào các lựa chọn để đánh dấu ✅ (bấm lại để bỏ dấu), rồi bấm **Xong**.',
  pickOne: 'Bạn vui lòng chọn ít nhất một lựa chọn rồi bấm **Xong**.',
  returned: (comment: string) =>
    `Báo cáo đã bị **trả lại để chỉnh sửa**. Ý kiến của Văn phòng điều phối:\n“${comment}”\n` +
    'Các giá trị đã nhập vẫn được giữ; bạn sửa các mục cần thiết rồi gửi lại.',
  started: (title: string, period: string, count: number) =>
    `**${title}** – ${period}\nBáo cáo có ${count} mục; bot hỏi lần lượt từng mục. Mỗi câu trả lời ` +
    'được lưu ngay, bạn có thể dừng lúc nào và làm tiếp sau (cả trên trang quản trị).',
  resumed: (title: string, period: string) =>
    `**${title}** – ${period}\nTiếp tục từ mục chưa trả lời. Các mục đã trả lời vẫn được giữ.`,
  question: (position: number, count: number, section: string) =>
    `Mục ${position}/${count} · ${section}`,
  current: 'Giá trị đang lưu',
  options: 'Các lựa chọn',
  retry: 'Bạn vui lòng nhập lại.',
  firstField: 'Đây là mục đầu tiên của báo cáo.',
  ruleBroken: 'Số liệu chưa khớp nhau:',
  fixBoth: 'Bạn vui lòng kiểm tra và nhập lại các mục này.',
  missing: (labels: string[]) =>
    `Chưa gửi được: còn ${labels.length} mục bắt buộc chưa trả lời (${labels.map((l) => `“${l}”`).join(', ')}).`,
  stale: (label: string, value: string) =>
    'Một cán bộ khác của đơn vị vừa cập nhật báo cáo này nên câu trả lời của bạn chưa được lưu. ' +
    `Giá trị hiện tại của mục “${label}”: **${value}**. Bạn có thể giữ nguyên (bấm Xem lại) ` +
    'hoặc nhập giá trị mới.',
  staleSubmit:
    'Một cán bộ khác của đơn vị vừa cập nhật báo cáo này. Bạn vui lòng xem lại các giá trị hiện tại rồi gửi.',
  review: (title: string, period: string) => `**Xem lại báo cáo: ${title}** – ${period}`,
  reviewHint: 'Bấm **Gửi báo cáo** để gửi, hoặc gõ số thứ tự của mục cần sửa (ví dụ 3).',
  reviewNumber: (count: number) =>
    `Bạn vui lòng gõ số thứ tự của mục cần sửa, từ 1 đến ${count}, hoặc bấm **Gửi báo cáo**.`,
  chooseField: 'Chọn mục cần sửa:',
  submitted: (title: string, period: string, late: boolean) =>
    `Đã gửi báo cáo **${title}** – ${period}${late ? ' (sau hạn nộp)' : ''}. Cảm ơn bạn! ` +
    'Văn phòng điều phối sẽ xem và duyệt; nếu cần chỉnh sửa, bot sẽ báo lại cho bạn.',
  gone: 'Báo cáo này không còn trong danh sách của đơn vị. Bạn vui lòng chọn lại.',
  paused: 'Báo cáo đang soạn đã được lưu. Gõ /baocao để làm tiếp bất cứ lúc nào.',
  empty: '(bỏ trống)',
  backButton: '‹ Quay lại',
  skipButton: 'Bỏ qua',
  reviewButton: 'Xem lại',
  submitButton: 'Gửi báo cáo',
  resubmitButton: 'Gửi lại báo cáo',
  discardButton: 'Hủy thay đổi',
  doneButton: 'Xong',
  editButton: 'Sửa một mục',
  moreFields: 'Các mục tiếp ›',
  firstFields: '‹ Các mục đầu',
  listButton: 'Danh sách báo cáo',
  openReturnedButton: 'Mở báo cáo để sửa',
  returnedNotice: (title: string, period: string, unit: string, comment: string) =>
    `↩️ Báo cáo “${title}” (${period}) của ${unit} được trả lại để chỉnh sửa.\n` +
    `Lý do: ${comment}\n` +
    'Gõ /baocao rồi chọn báo cáo này để sửa và nộp lại; ý kiến của Văn phòng điều phối được hiện trước.',
  acceptedNotice: (title: string, period: string, unit: string) =>
    `✅ Báo cáo “${title}” (${period}) của ${unit} đã được duyệt.`,
} as const;

/** The catalogue's shape: the same sentences in every language. */
type ReportTexts = {
  [K in keyof typeof REPORT_TEXTS]: (typeof REPORT_TEXTS)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const STATUS_LABELS: Record<BotLocale, Record<SubmissionStatus, string>> = {
  vi: submissionStatusLabelsVi,
  en: {
    not_started: 'Not started',
    draft: 'Draft',
    submitted: 'Submitted',
    returned: 'Returned for correction',
    accepted: 'Accepted',
  },
};

const TIMELINESS_LABELS: Record<BotLocale, Record<SubmissionTimeliness, string>> = {
  vi: submissionTimelinessLabelsVi,
  en: {
    on_time: 'On time',
    late: 'Late',
    overdue: 'Overdue, not submitted',
    not_due: 'Not due yet',
  },
};

/**
 * The flow in English, for an officer who chose English with /lang. The report itself (its
 * title, sections, field labels and help, period names) is the office's text and stays as
 * written; so do the hints and messages about a value (packages/domain/src/reporting/field-input.ts).
 */
export const REPORT_TEXTS_EN: ReportTexts = {
  owed: 'Reports your unit has to send:',
  noneOwed: 'Your unit has no reports to send at the moment.',
  choose: 'Choose a report to fill in or review.',
  due: 'due',
  locked:
    'This reporting period is locked and can no longer be changed. If something needs to be ' +
    'corrected, please contact the coordinating office.',
  submittedAlready: (status: SubmissionStatus) =>
    `This report is **${STATUS_LABELS.en[status]}** and cannot be changed through the bot. ` +
    'If something needs to be corrected, please contact the coordinating office.',
  correctable:
    'This report has been **submitted** and is waiting for the coordinating office. You can ' +
    'still correct it until it is accepted or the period is locked: press **Edit a field** or ' +
    'type the number of the field to correct.',
  correctionHint:
    'Press **Resubmit report** to send your changes, or type the number of a field to correct (e.g. 3).',
  correctionNone:
    'You have not changed any field. Choose a field to correct, or go back to the list.',
  changedFrom: (before: string) => `(changed, was: ${before})`,
  corrected: (title: string, period: string, changes: string[]) =>
    `Resubmitted **${title}** – ${period} with ${changes.length} corrected field(s):\n` +
    `${changes.join('\n')}\nEvery change is recorded (who, when, the value before and after).`,
  discarded: 'Your unsent changes were discarded; the submitted report is unchanged.',
  pickHint: 'Press the options to tick them ✅ (press again to untick), then press **Done**.',
  pickOne: 'Please tick at least one option, then press **Done**.',
  returned: (comment: string) =>
    `The report was **returned for correction**. The coordinating office's comment:\n“${comment}”\n` +
    'The values already entered are kept; correct what is needed and submit again.',
  started: (title: string, period: string, count: number) =>
    `**${title}** – ${period}\nThe report has ${count} fields; the bot asks them one by one. ` +
    'Each answer is saved at once: you can stop at any time and go on later (on the console too).',
  resumed: (title: string, period: string) =>
    `**${title}** – ${period}\nGoing on from the first unanswered field. Your answers are kept.`,
  question: (position: number, count: number, section: string) =>
    `Field ${position}/${count} · ${section}`,
  current: 'Saved value',
  options: 'Options',
  retry: 'Please enter it again.',
  firstField: 'This is the first field of the report.',
  ruleBroken: 'The figures do not agree:',
  fixBoth: 'Please check these fields and enter them again.',
  missing: (labels: string[]) =>
    `Not sent yet: ${labels.length} required field(s) unanswered (${labels.map((l) => `“${l}”`).join(', ')}).`,
  stale: (label: string, value: string) =>
    'Another officer of your unit has just updated this report, so your answer was not saved. ' +
    `Current value of “${label}”: **${value}**. You can keep it (press Review) or enter a new value.`,
  staleSubmit:
    'Another officer of your unit has just updated this report. Please review the current values, then send.',
  review: (title: string, period: string) => `**Review the report: ${title}** – ${period}`,
  reviewHint: 'Press **Send report** to send it, or type the number of a field to change (e.g. 3).',
  reviewNumber: (count: number) =>
    `Please type the number of the field to change, from 1 to ${count}, or press **Send report**.`,
  chooseField: 'Choose the field to change:',
  submitted: (title: string, period: string, late: boolean) =>
    `Sent **${title}** – ${period}${late ? ' (after the due date)' : ''}. Thank you! ` +
    'The coordinating office will review it; if anything needs correcting, the bot will tell you.',
  gone: 'This report is no longer in your unit’s list. Please choose again.',
  paused: 'Your draft report is saved. Type /baocao to go on at any time.',
  empty: '(empty)',
  backButton: '‹ Back',
  skipButton: 'Skip',
  reviewButton: 'Review',
  submitButton: 'Send report',
  resubmitButton: 'Resubmit report',
  discardButton: 'Discard changes',
  doneButton: 'Done',
  editButton: 'Edit a field',
  moreFields: 'More fields ›',
  firstFields: '‹ First fields',
  listButton: 'List of reports',
  openReturnedButton: 'Open the report',
  returnedNotice: (title: string, period: string, unit: string, comment: string) =>
    `↩️ The report “${title}” (${period}) of ${unit} was returned for correction.\n` +
    `Reason: ${comment}\n` +
    'Type /baocao and choose this report to correct and resubmit it; the office’s comment is shown first.',
  acceptedNotice: (title: string, period: string, unit: string) =>
    `✅ The report “${title}” (${period}) of ${unit} was accepted.`,
};

/** The flow's sentences in `locale` (Vietnamese unless English was chosen). */
export function reportTexts(locale: BotLocale | undefined): ReportTexts {
  return locale === 'en' ? REPORT_TEXTS_EN : REPORT_TEXTS;
}

const tx = (view: { locale?: BotLocale }) => reportTexts(view.locale);

const say = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

/** Most trail entries kept in the state ("Quay lại" that many times). */
const MAX_TRAIL = 60;
/** Longest label on a field button. */
const BUTTON_LABEL = 60;

// --- the list -------------------------------------------------------------------------------

export function reportListReplies(reports: OwedReportView[], locale: BotLocale = 'vi'): BotReply[] {
  const t = reportTexts(locale);
  if (reports.length === 0) return [say(t.noneOwed)];
  const lines = reports.map((r, index) => {
    const when = r.timeliness === 'overdue' || r.timeliness === 'late';
    const flags = [
      STATUS_LABELS[locale][r.status],
      ...(when ? [TIMELINESS_LABELS[locale][r.timeliness]] : []),
    ];
    return (
      `${index + 1}. **${r.title}** – ${r.periodLabel}\n` +
      `   ${t.due} ${formatDateVi(r.dueOn)} · ${flags.join(' · ')}`
    );
  });
  return [
    say(`${t.owed}\n${lines.join('\n')}\n${t.choose}`, [
      ...reports.map((r, index) => [
        {
          label: cut(`${index + 1}. ${r.periodLabel} – ${r.title}`, BUTTON_LABEL),
          action: ReportAction.open(r.ref),
        },
      ]),
    ]),
  ];
}

// --- opening --------------------------------------------------------------------------------

/**
 * Opens a report: a returned one with the office's comment first and the review, a draft at
 * its first field not answered (the review when none is left), a submitted, accepted or
 * locked one says why it cannot be changed here.
 */
export function openReport(view: ReportDraftView): {
  cursor: ReportCursor | null;
  replies: BotReply[];
} {
  const fields = templateFields(view.template);
  if (view.locked) return { cursor: null, replies: [say(tx(view).locked)] };
  if (view.status === 'accepted') {
    return {
      cursor: null,
      replies: [say(tx(view).submittedAlready(view.status)), ...summaryReplies(view, false)],
    };
  }
  const base = { ref: view.ref, trail: [], version: view.version };
  if (view.status === 'submitted') {
    // Correctable until accepted or locked: the answers wait in the cursor for "Gửi lại".
    const cursor: ReportCursor = {
      ...base,
      step: 'review',
      field: 0,
      resumeAt: fields.length,
      correction: {},
    };
    return {
      cursor,
      replies: [say(tx(view).correctable), ...reviewReplies(withCorrection(view, cursor))],
    };
  }
  if (view.status === 'returned') {
    const cursor: ReportCursor = { ...base, step: 'review', field: 0, resumeAt: fields.length };
    return {
      cursor,
      replies: [say(tx(view).returned(view.returnComment ?? '')), ...reviewReplies(view)],
    };
  }
  const first = nextUnanswered(view, 0);
  const answered = fields.some((f) => !isEmpty(view.values[f.key]));
  const intro = answered
    ? tx(view).resumed(view.title, view.periodLabel)
    : tx(view).started(view.title, view.periodLabel, fields.length);
  if (first < 0) {
    const cursor: ReportCursor = { ...base, step: 'review', field: 0, resumeAt: fields.length };
    return { cursor, replies: reviewReplies(view) };
  }
  const cursor: ReportCursor = { ...base, step: 'field', field: first, resumeAt: first };
  return { cursor, replies: [say(intro), ...askFieldReplies(view, cursor)] };
}

/**
 * The report as the person correcting it sees it: the submitted values with their corrections
 * not yet sent (`savedValues` keeps the submitted ones). Any other cursor: the view as it is.
 */
export function withCorrection(view: ReportDraftView, cursor: ReportCursor): ReportDraftView {
  if (!cursor.correction) return view;
  return { ...view, savedValues: view.values, values: { ...view.values, ...cursor.correction } };
}

/**
 * A correction answered (`value` read from the person's input): kept in the cursor, or dropped
 * when it puts back the submitted value.
 */
export function holdCorrection(
  view: ReportDraftView,
  cursor: ReportCursor,
  field: number,
  value: FieldValue | null,
): ReportCursor {
  const key = templateFields(view.template)[field]?.key;
  const saved = view.savedValues ?? view.values;
  if (!key) return cursor;
  const correction = { ...cursor.correction };
  if (sameValue(saved[key], value)) delete correction[key];
  else correction[key] = value;
  return { ...cursor, correction };
}

/** The corrections that change something (field keys), in the template's order. */
export function correctedFields(view: ReportDraftView, cursor: ReportCursor): string[] {
  const saved = view.savedValues ?? view.values;
  return templateFields(view.template)
    .map((f) => f.key)
    .filter((key) => cursor.correction && key in cursor.correction)
    .filter((key) => !sameValue(saved[key], cursor.correction![key]));
}

// --- one field --------------------------------------------------------------------------------

/** The question for the cursor's field: its place, section, label, help, how to answer, buttons. */
export function askFieldReplies(view: ReportDraftView, cursor: ReportCursor): BotReply[] {
  const fields = templateFields(view.template);
  const field = fields[cursor.field];
  if (!field) return reviewReplies(view);
  const section = view.template.sections.find((s) => s.fields.some((f) => f.key === field.key));
  const current = view.values[field.key];
  const options = fieldOptions(field);
  const picked = pickedOptions(view, cursor);
  const lines = [
    tx(view).question(cursor.field + 1, fields.length, section?.title ?? ''),
    `**${field.label}**`,
    ...(field.help ? [`_${field.help}_`] : []),
    ...(field.type === 'multiple_choice'
      ? [
          `${tx(view).options}:`,
          ...options.map((o, i) => `${i + 1}. ${picked.includes(i) ? '✅ ' : ''}${o.label}`),
          tx(view).pickHint,
        ]
      : []),
    fieldHintVi(field),
    ...(isEmpty(current) ? [] : [`${tx(view).current}: **${formatFieldValue(field, current)}**`]),
  ];
  const choiceRows =
    field.type === 'yes_no' || field.type === 'single_choice'
      ? options.map((o, i) => [
          { label: cut(o.label, BUTTON_LABEL), action: ReportAction.choice(cursor.field, i) },
        ])
      : field.type === 'multiple_choice'
        ? [
            ...options.map((o, i) => [
              {
                label: cut(`${picked.includes(i) ? '✅ ' : ''}${o.label}`, BUTTON_LABEL),
                action: ReportAction.toggle(cursor.field, i),
              },
            ]),
            [{ label: tx(view).doneButton, action: ReportAction.done(cursor.field) }],
          ]
        : [];
  const nav: ReplyButton[] = [
    ...(cursor.trail.length > 0 ? [{ label: tx(view).backButton, action: ReportAction.back }] : []),
    ...(field.required
      ? []
      : [{ label: tx(view).skipButton, action: ReportAction.skip(cursor.field) }]),
    { label: tx(view).reviewButton, action: ReportAction.review },
  ];
  return [say(lines.join('\n'), [...choiceRows, nav])];
}

/**
 * What the person's input means for the cursor's field: a value to save (null: left empty), or
 * the reason it is refused, with the question again (the draft is unchanged).
 */
export type FieldInputOutcome =
  | { kind: 'save'; field: number; value: FieldValue | null }
  | { kind: 'replies'; replies: BotReply[] };

/** Reads typed text on the cursor's field, or, on the review, the number of a field to edit. */
export function readReportText(
  view: ReportDraftView,
  cursor: ReportCursor,
  text: string,
  now: Date,
): FieldInputOutcome | { kind: 'edit'; field: number } {
  const fields = templateFields(view.template);
  if (cursor.step === 'review') {
    const number = /^\s*(?:mục\s*|muc\s*|#)?(\d{1,3})\s*\.?\s*$/i.exec(text);
    const index = number ? Number(number[1]) - 1 : -1;
    if (index >= 0 && index < fields.length) return { kind: 'edit', field: index };
    return {
      kind: 'replies',
      replies: [say(tx(view).reviewNumber(fields.length), reviewButtons(view))],
    };
  }
  const field = fields[cursor.field];
  if (!field) return { kind: 'replies', replies: reviewReplies(view) };
  const result = parseFieldInput(field, text, { now });
  if (!result.ok) return { kind: 'replies', replies: retryReplies(view, cursor, result.message) };
  return { kind: 'save', field: cursor.field, value: result.value };
}

/**
 * A pressed option (`rp:v:field:option`), skip (`rp:s:field`) or "Xong" under a multiple
 * choice (`rp:d:field`: the options ticked) on the cursor's field.
 */
export function readReportButton(
  view: ReportDraftView,
  cursor: ReportCursor,
  press: { field: number; option?: number; done?: boolean },
): FieldInputOutcome {
  const field = templateFields(view.template)[press.field];
  // A button of an earlier question (or a forged one): ask the current question again.
  if (cursor.step !== 'field' || press.field !== cursor.field || !field) {
    return { kind: 'replies', replies: resumeReplies(view, cursor) };
  }
  if (press.done && field.type === 'multiple_choice') {
    const options = fieldOptions(field);
    const chosen = pickedOptions(view, cursor)
      .sort((a, b) => a - b)
      .map((i) => options[i]?.value)
      .filter((v): v is string => typeof v === 'string');
    if (chosen.length > 0) return { kind: 'save', field: press.field, value: chosen };
    if (!field.required) return { kind: 'save', field: press.field, value: null };
    return {
      kind: 'replies',
      replies: [say(tx(view).pickOne), ...askFieldReplies(view, cursor)],
    };
  }
  if (press.option === undefined) {
    if (field.required) return { kind: 'replies', replies: askFieldReplies(view, cursor) };
    return { kind: 'save', field: press.field, value: null };
  }
  const option = fieldOptions(field)[press.option];
  if (!option) return { kind: 'replies', replies: askFieldReplies(view, cursor) };
  return { kind: 'save', field: press.field, value: option.value };
}

/**
 * An option of a multiple choice pressed (`rp:t:field:option`): ticked, or unticked when it
 * was; nothing is saved before "Xong". The question again, its buttons showing the ticks.
 */
export function toggleOption(
  view: ReportDraftView,
  cursor: ReportCursor,
  press: { field: number; option: number },
): { cursor: ReportCursor; replies: BotReply[] } {
  const field = templateFields(view.template)[press.field];
  if (
    cursor.step !== 'field' ||
    press.field !== cursor.field ||
    field?.type !== 'multiple_choice' ||
    !fieldOptions(field)[press.option]
  ) {
    return { cursor, replies: resumeReplies(view, cursor) };
  }
  const current = pickedOptions(view, cursor);
  const options = current.includes(press.option)
    ? current.filter((i) => i !== press.option)
    : [...current, press.option].sort((a, b) => a - b);
  const next: ReportCursor = { ...cursor, picked: { field: press.field, options } };
  return { cursor: next, replies: askFieldReplies(view, next) };
}

/** The options ticked on the cursor's field: those pressed so far, else the value saved. */
function pickedOptions(view: ReportDraftView, cursor: ReportCursor): number[] {
  if (cursor.picked?.field === cursor.field) return [...cursor.picked.options];
  const field = templateFields(view.template)[cursor.field];
  if (field?.type !== 'multiple_choice') return [];
  const value = view.values[field.key];
  const chosen = Array.isArray(value) ? value : [];
  return fieldOptions(field)
    .map((o, i) => (chosen.includes(o.value as string) ? i : -1))
    .filter((i) => i >= 0);
}

function retryReplies(view: ReportDraftView, cursor: ReportCursor, message: string): BotReply[] {
  return [say(`${message} ${tx(view).retry}`), ...askFieldReplies(view, cursor)];
}

/**
 * After an answer was saved (`view` holds the new values and version): the next question. A
 * cross-field rule the answer breaks is named with both fields and their values, and the walk
 * goes back to them; once it holds again, on to the next field not answered, then the review.
 */
export function afterAnswer(
  view: ReportDraftView,
  cursor: ReportCursor,
  answered: number,
): { cursor: ReportCursor; replies: BotReply[] } {
  const fields = templateFields(view.template);
  const key = fields[answered]?.key;
  const trail = [...cursor.trail, answered].slice(-MAX_TRAIL);
  const resumeAt = Math.max(cursor.resumeAt, answered + 1);
  const pending = (cursor.fix ?? []).filter((f) => f !== answered);
  const broken = failedRules(view.template, view.values).find((r) => key && r.fields.includes(key));
  const base = { ref: cursor.ref, trail, resumeAt, version: view.version, ...corrections(cursor) };
  if (broken && pending.length > 0) {
    const next: ReportCursor = { ...base, step: 'field', field: pending[0], fix: pending };
    return { cursor: next, replies: askFieldReplies(view, next) };
  }
  if (broken) {
    const fix = indexesOf(fields, broken.fields);
    const next: ReportCursor = { ...base, step: 'field', field: fix[0], fix };
    return { cursor: next, replies: [ruleReply(view, broken), ...askFieldReplies(view, next)] };
  }
  return walkOn(view, base);
}

/** The next field not answered from `resumeAt`, or the review. */
function walkOn(
  view: ReportDraftView,
  base: Omit<ReportCursor, 'step' | 'field'>,
): { cursor: ReportCursor; replies: BotReply[] } {
  const next = nextUnanswered(view, base.resumeAt);
  if (next < 0) {
    const cursor: ReportCursor = { ...base, step: 'review', field: 0 };
    return { cursor, replies: reviewReplies(view) };
  }
  const cursor: ReportCursor = { ...base, step: 'field', field: next };
  return { cursor, replies: askFieldReplies(view, cursor) };
}

/** "Quay lại": the field asked before this one (the review's: the last one asked). */
export function goBack(
  view: ReportDraftView,
  cursor: ReportCursor,
): { cursor: ReportCursor; replies: BotReply[] } {
  const trail = [...cursor.trail];
  const previous = trail.pop();
  if (previous === undefined) {
    return { cursor, replies: [say(tx(view).firstField), ...resumeReplies(view, cursor)] };
  }
  const next: ReportCursor = {
    ...cursor,
    step: 'field',
    field: previous,
    trail,
    fix: undefined,
    version: view.version,
  };
  return { cursor: next, replies: askFieldReplies(view, next) };
}

/** A field chosen from the review: asked again; the answer leads back to the review. */
export function editField(
  view: ReportDraftView,
  cursor: ReportCursor,
  field: number,
): { cursor: ReportCursor; replies: BotReply[] } {
  const fields = templateFields(view.template);
  if (!fields[field]) return { cursor, replies: resumeReplies(view, cursor) };
  const next: ReportCursor = {
    ...cursor,
    step: 'field',
    field,
    resumeAt: fields.length,
    fix: undefined,
    version: view.version,
  };
  return { cursor: next, replies: askFieldReplies(view, next) };
}

/** Shows the review now (the "Xem lại" button). */
export function toReview(
  view: ReportDraftView,
  cursor: ReportCursor,
): { cursor: ReportCursor; replies: BotReply[] } {
  const trail =
    cursor.step === 'field' ? [...cursor.trail, cursor.field].slice(-MAX_TRAIL) : cursor.trail;
  return {
    cursor: { ...cursor, step: 'review', trail, fix: undefined, version: view.version },
    replies: reviewReplies(view),
  };
}

/** The answer was refused because another officer saved first: the current value, and the question again. */
export function staleAnswerReplies(
  view: ReportDraftView,
  cursor: ReportCursor,
): { cursor: ReportCursor; replies: BotReply[] } {
  const field = templateFields(view.template)[cursor.field];
  const next = { ...cursor, version: view.version };
  if (!field || cursor.step !== 'field') {
    return { cursor: next, replies: [say(tx(view).staleSubmit), ...reviewReplies(view)] };
  }
  const shown = formatFieldValue(field, view.values[field.key]);
  return {
    cursor: next,
    replies: [say(tx(view).stale(field.label, shown)), ...askFieldReplies(view, next)],
  };
}

/** The question the cursor is at (after a stray message or an old button). */
export function resumeReplies(view: ReportDraftView, cursor: ReportCursor): BotReply[] {
  return cursor.step === 'review' ? reviewReplies(view) : askFieldReplies(view, cursor);
}

// --- review and submission --------------------------------------------------------------------

/** Every field with its value, numbered, by section; then the buttons to send or edit. */
export function reviewReplies(view: ReportDraftView): BotReply[] {
  return summaryReplies(view, true);
}

function summaryReplies(view: ReportDraftView, editable: boolean): BotReply[] {
  let number = 0;
  const lines = [tx(view).review(view.title, view.periodLabel)];
  const shown = (field: ReportField, value: FieldValue | null | undefined) =>
    isEmpty(value) ? tx(view).empty : formatFieldValue(field, value);
  for (const section of view.template.sections) {
    lines.push(`\n**${section.title}**`);
    for (const field of section.fields) {
      number += 1;
      const value = view.values[field.key];
      const before = view.savedValues?.[field.key];
      const changed = view.savedValues !== undefined && !sameValue(before, value);
      lines.push(
        `${number}. ${field.label}: ${shown(field, value)}` +
          (changed ? ` ${tx(view).changedFrom(shown(field, before))}` : ''),
      );
    }
  }
  const correcting = view.savedValues !== undefined;
  if (editable) lines.push(`\n${correcting ? tx(view).correctionHint : tx(view).reviewHint}`);
  return [say(lines.join('\n'), editable ? reviewButtons(view) : undefined)];
}

function reviewButtons(view: ReportDraftView): ReplyButton[][] {
  if (view.savedValues !== undefined) {
    return [
      [{ label: tx(view).resubmitButton, action: ReportAction.submit }],
      [
        { label: tx(view).editButton, action: ReportAction.fields(0) },
        { label: tx(view).discardButton, action: ReportAction.discard },
      ],
    ];
  }
  return [
    [{ label: tx(view).submitButton, action: ReportAction.submit }],
    [
      { label: tx(view).editButton, action: ReportAction.fields(0) },
      { label: tx(view).backButton, action: ReportAction.back },
    ],
  ];
}

/**
 * "Gửi lại báo cáo" with no correction that changes anything: said so, with the fields to
 * choose from.
 */
export function nothingCorrectedReplies(locale: BotLocale = 'vi'): BotReply[] {
  const t = reportTexts(locale);
  return [
    say(t.correctionNone, [
      [{ label: t.editButton, action: ReportAction.fields(0) }],
      [{ label: t.listButton, action: ReportAction.list }],
    ]),
  ];
}

/** The corrections sent: each field with its value before and after. */
export function correctedReplies(view: ReportDraftView, keys: string[]): BotReply[] {
  const fields = templateFields(view.template);
  const saved = view.savedValues ?? {};
  const changes = keys.map((key) => {
    const index = fields.findIndex((f) => f.key === key);
    const field = fields[index];
    const show = (v: FieldValue | null | undefined) =>
      isEmpty(v) ? tx(view).empty : formatFieldValue(field, v);
    return `- ${index + 1}. ${field.label}: ${show(saved[key])} → **${show(view.values[key])}**`;
  });
  return [say(tx(view).corrected(view.title, view.periodLabel, changes))];
}

/** The fields as buttons to edit one, a page at a time on a channel with few buttons. */
export function fieldListReplies(
  view: ReportDraftView,
  pageSize: number,
  page: number,
): BotReply[] {
  const fields = templateFields(view.template);
  const size = Math.max(1, pageSize);
  const pages = Math.max(1, Math.ceil(fields.length / size));
  const shown = Math.min(Math.max(0, page), pages - 1);
  const rows = fields.slice(shown * size, (shown + 1) * size).map((f, i) => [
    {
      label: cut(`${shown * size + i + 1}. ${f.label}`, BUTTON_LABEL),
      action: ReportAction.edit(shown * size + i),
    },
  ]);
  const more =
    pages > 1
      ? [
          shown + 1 < pages
            ? { label: tx(view).moreFields, action: ReportAction.fields(shown + 1) }
            : { label: tx(view).firstFields, action: ReportAction.fields(0) },
        ]
      : [];
  return [
    say(tx(view).chooseField, [
      ...rows,
      [...more, { label: tx(view).reviewButton, action: ReportAction.review }],
    ]),
  ];
}

/**
 * "Gửi báo cáo": null when the report may go, else what to do first: a required field left
 * empty is asked (the walk goes on from it), a broken rule is named and its fields asked again.
 */
export function checkBeforeSubmit(
  view: ReportDraftView,
  cursor: ReportCursor,
): { cursor: ReportCursor; replies: BotReply[] } | null {
  const fields = templateFields(view.template);
  const { problems } = checkReport(
    view.template as ReportTemplateDefinition,
    view.values,
    'submit',
  );
  if (problems.length === 0) return null;
  const base = {
    ref: cursor.ref,
    trail: cursor.trail,
    version: view.version,
    ...corrections(cursor),
  };
  const missing = problems.filter(
    (p) => p.kind === 'missing_required' || p.kind === 'invalid_value',
  );
  if (missing.length > 0) {
    const indexes = indexesOf(
      fields,
      missing.map((p) => ('field' in p ? p.field : '')),
    );
    const next: ReportCursor = { ...base, step: 'field', field: indexes[0], resumeAt: indexes[0] };
    const labels = indexes.map((i) => fields[i].label);
    return {
      cursor: next,
      replies: [say(tx(view).missing(labels)), ...askFieldReplies(view, next)],
    };
  }
  const broken = problems.find((p) => p.kind === 'rule_failed');
  if (broken && broken.kind === 'rule_failed') {
    const fix = indexesOf(fields, broken.fields);
    const next: ReportCursor = {
      ...base,
      step: 'field',
      field: fix[0],
      resumeAt: fields.length,
      fix,
    };
    return { cursor: next, replies: [ruleReply(view, broken), ...askFieldReplies(view, next)] };
  }
  return null;
}

export function submittedReplies(
  view: Pick<ReportDraftView, 'title' | 'periodLabel' | 'locale'>,
  late: boolean,
): BotReply[] {
  return [say(tx(view).submitted(view.title, view.periodLabel, late))];
}

/**
 * The office returned a report: sent to the unit's linked members through the outbox. The text
 * alone says what to do (type /baocao), for a channel or client that shows no buttons; the
 * button opens the report at once, with the office's comment first.
 */
export function returnedNoticeReplies(
  ref: string,
  title: string,
  period: string,
  unit: string,
  comment: string,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = reportTexts(locale);
  return [
    {
      type: 'text',
      text: t.returnedNotice(title, period, unit, comment),
      buttons: [[{ label: t.openReturnedButton, action: ReportAction.open(ref) }]],
    },
  ];
}

/** A sentence of the catalogue, with the way back to the list of reports. */
export function reportNoticeReplies(text: string, locale: BotLocale = 'vi'): BotReply[] {
  return [say(text, [[{ label: reportTexts(locale).listButton, action: ReportAction.list }]])];
}

function ruleReply(
  view: ReportDraftView,
  broken: { fields: string[]; message: string },
): TextReply {
  const fields = templateFields(view.template);
  const named = indexesOf(fields, broken.fields).map((i) => {
    const field = fields[i];
    return `- ${i + 1}. ${field.label}: **${formatFieldValue(field, view.values[field.key])}**`;
  });
  return say(`${tx(view).ruleBroken} ${broken.message}\n${named.join('\n')}\n${tx(view).fixBoth}`);
}

// --- reading buttons ------------------------------------------------------------------------

/** Reads the flow's buttons (`rp…`); undefined for another prefix. */
export function reportActionIntent(action: string): ReportIntent | undefined {
  if (action !== 'rp' && !action.startsWith('rp:')) return undefined;
  const [, a, b, c] = action.split(':');
  const index = (s: string | undefined) => {
    const n = Number(s);
    return s !== undefined && s !== '' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  };
  switch (a) {
    case 'o': {
      const ref = action.slice('rp:o:'.length);
      return ref ? { kind: 'report_open', ref } : { kind: 'reports' };
    }
    case 'v': {
      const field = index(b);
      const option = index(c);
      return field !== undefined && option !== undefined
        ? { kind: 'report_choice', field, option }
        : { kind: 'reports' };
    }
    case 't': {
      const field = index(b);
      const option = index(c);
      return field !== undefined && option !== undefined
        ? { kind: 'report_toggle', field, option }
        : { kind: 'reports' };
    }
    case 'd': {
      const field = index(b);
      return field !== undefined ? { kind: 'report_done', field } : { kind: 'reports' };
    }
    case 'x':
      return { kind: 'report_discard' };
    case 's': {
      const field = index(b);
      return field !== undefined ? { kind: 'report_skip', field } : { kind: 'reports' };
    }
    case 'e': {
      const field = index(b);
      return field !== undefined ? { kind: 'report_edit', field } : { kind: 'report_review' };
    }
    case 'l':
      return { kind: 'report_fields', page: index(b) ?? 0 };
    case 'b':
      return { kind: 'report_back' };
    case 'r':
      return { kind: 'report_review' };
    case 'ok':
      return { kind: 'report_submit' };
    default:
      return { kind: 'reports' };
  }
}

// --- helpers --------------------------------------------------------------------------------

function nextUnanswered(view: ReportDraftView, from: number): number {
  const fields = templateFields(view.template);
  for (let i = Math.max(0, from); i < fields.length; i += 1) {
    if (isEmpty(view.values[fields[i].key])) return i;
  }
  return -1;
}

function indexesOf(fields: ReportField[], keys: string[]): number[] {
  return fields
    .map((field, index) => (keys.includes(field.key) ? index : -1))
    .filter((index) => index >= 0);
}

function corrections(cursor: ReportCursor): Pick<ReportCursor, 'correction'> {
  return cursor.correction ? { correction: cursor.correction } : {};
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
