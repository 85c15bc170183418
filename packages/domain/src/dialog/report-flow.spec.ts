import { describe, expect, it } from 'vitest';
import type { BotEvent, BotReply } from '../messages/bot-message';
import { POLICE_MIGRATION_STATISTICS_TEMPLATE } from '../reporting/seed-templates';
import type { ReportTemplateDefinition, ReportValues } from '../reporting/template';
import { INITIAL_STATE } from './conversation-state';
import { interpret } from './intent';
import {
  afterAnswer,
  checkBeforeSubmit,
  correctedFields,
  correctedReplies,
  editField,
  fieldListReplies,
  goBack,
  holdCorrection,
  openReport,
  readReportButton,
  readReportText,
  ReportAction,
  reportActionIntent,
  reportListReplies,
  type ReportCursor,
  type ReportDraftView,
  returnedNoticeReplies,
  staleAnswerReplies,
  toggleOption,
  withCorrection,
} from './report-flow';

const NOW = new Date('2026-07-01T03:00:00Z');

/** A small template: a count, an optional yes/no, a count bound to the first by a rule. */
const TEMPLATE: Pick<ReportTemplateDefinition, 'sections' | 'rules'> = {
  sections: [
    {
      key: 'cases',
      title: 'Di cư trái phép',
      fields: [
        { key: 'cases', label: 'Số vụ', type: 'count', required: true, unit: 'vụ' },
        { key: 'checked', label: 'Đã kiểm tra thực địa', type: 'yes_no', required: false },
        { key: 'people', label: 'Số người', type: 'count', required: true, unit: 'người' },
      ],
    },
  ],
  rules: [
    { key: 'r', expression: 'cases <= people', message: 'Số vụ không thể nhiều hơn số người.' },
  ],
};

function draft(values: ReportValues = {}, changes: Partial<ReportDraftView> = {}): ReportDraftView {
  return {
    ref: 's1',
    title: 'Số liệu di cư',
    periodLabel: '6 tháng đầu năm 2026',
    dueOn: '2026-07-05',
    status: 'draft',
    timeliness: 'not_due',
    locked: false,
    template: TEMPLATE,
    values,
    version: 1,
    returnComment: null,
    ...changes,
  };
}

const textOf = (replies: BotReply[]) =>
  replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
const actionsOf = (replies: BotReply[]) =>
  replies.flatMap((r) => (r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.action) : []));

describe('the report flow', () => {
  it('lists the owed reports with period, due date, status and lateness', () => {
    const replies = reportListReplies([
      { ...draft(), status: 'not_started', timeliness: 'overdue' },
      { ...draft(), ref: 's2', status: 'returned', timeliness: 'on_time', periodLabel: 'Năm 2025' },
    ]);
    const text = textOf(replies);
    expect(text).toContain('1. **Số liệu di cư** – 6 tháng đầu năm 2026');
    expect(text).toContain('hạn nộp 05/07/2026 · Chưa bắt đầu · Quá hạn, chưa nộp');
    expect(text).toContain('Bị trả lại để chỉnh sửa');
    expect(actionsOf(replies)).toEqual(['rp:o:s1', 'rp:o:s2']);
    expect(textOf(reportListReplies([]))).toMatch(/không có báo cáo nào/);
  });

  it('walks the fields one at a time, retries a bad value with a clear message, and skips an optional one', () => {
    const opened = openReport(draft());
    expect(opened.cursor).toMatchObject({ step: 'field', field: 0 });
    expect(textOf(opened.replies)).toContain('Mục 1/3 · Di cư trái phép');
    let cursor = opened.cursor!;

    const letters = readReportText(draft(), cursor, 'mười hai', NOW);
    expect(letters.kind).toBe('replies');
    expect(textOf((letters as { replies: BotReply[] }).replies)).toMatch(
      /^Vui lòng nhập một số nguyên không âm, ví dụ 12\. Bạn vui lòng nhập lại\./,
    );
    const negative = readReportText(draft(), cursor, '-3', NOW);
    expect(textOf((negative as { replies: BotReply[] }).replies)).toMatch(/không thể là số âm/);

    expect(readReportText(draft(), cursor, '2 vụ', NOW)).toEqual({
      kind: 'save',
      field: 0,
      value: 2,
    });
    let view = draft({ cases: 2 }, { version: 2 });
    let next = afterAnswer(view, cursor, 0);
    cursor = next.cursor;
    expect(cursor).toMatchObject({ step: 'field', field: 1, trail: [0], version: 2 });
    // Yes/no: buttons, "Bỏ qua" since it is optional, "Quay lại" since one was asked before.
    expect(actionsOf(next.replies)).toEqual(['rp:v:1:0', 'rp:v:1:1', 'rp:b', 'rp:s:1', 'rp:r']);

    expect(readReportButton(view, cursor, { field: 1 })).toEqual({
      kind: 'save',
      field: 1,
      value: null,
    });
    next = afterAnswer(view, cursor, 1);
    expect(next.cursor).toMatchObject({ step: 'field', field: 2 });
    // A button of an earlier question is not taken for this one.
    expect(readReportButton(view, next.cursor, { field: 1, option: 0 }).kind).toBe('replies');

    view = draft({ cases: 2, people: 5 }, { version: 3 });
    next = afterAnswer(view, next.cursor, 2);
    expect(next.cursor.step).toBe('review');
    expect(textOf(next.replies)).toContain('1. Số vụ: 2 vụ');
    expect(textOf(next.replies)).toContain('2. Đã kiểm tra thực địa: (bỏ trống)');
    expect(actionsOf(next.replies)).toContain(ReportAction.submit);
  });

  it('names both fields of a broken rule and goes back to them until it holds', () => {
    const cursor: ReportCursor = {
      ref: 's1',
      step: 'field',
      field: 2,
      trail: [0, 1],
      resumeAt: 2,
      version: 3,
    };
    const broken = afterAnswer(draft({ cases: 5, people: 3 }, { version: 4 }), cursor, 2);
    const text = textOf(broken.replies);
    expect(text).toContain('Số vụ không thể nhiều hơn số người.');
    expect(text).toContain('- 1. Số vụ: **5 vụ**');
    expect(text).toContain('- 3. Số người: **3 người**');
    expect(broken.cursor).toMatchObject({ field: 0, fix: [0, 2] });

    // The first corrected: the rule holds, on to the review.
    const fixed = afterAnswer(draft({ cases: 2, people: 3 }, { version: 5 }), broken.cursor, 0);
    expect(fixed.cursor.step).toBe('review');
    // Still broken after the first: the second is asked without saying it all again.
    const still = afterAnswer(draft({ cases: 4, people: 3 }, { version: 5 }), broken.cursor, 0);
    expect(still.cursor).toMatchObject({ field: 2, fix: [2] });
    expect(textOf(still.replies)).not.toContain('chưa khớp');
  });

  it('goes back, edits from the review, and refuses to submit with a required field empty', () => {
    const cursor: ReportCursor = {
      ref: 's1',
      step: 'field',
      field: 2,
      trail: [0, 1],
      resumeAt: 2,
      version: 3,
    };
    const back = goBack(draft({ cases: 2 }), cursor);
    expect(back.cursor).toMatchObject({ field: 1, trail: [0] });

    const review: ReportCursor = { ...cursor, step: 'review', resumeAt: 3 };
    expect(readReportText(draft(), review, '3', NOW)).toEqual({ kind: 'edit', field: 2 });
    const edit = editField(draft({ cases: 2, people: 5 }), review, 2);
    expect(textOf(edit.replies)).toContain('Giá trị đang lưu: **5 người**');
    expect(afterAnswer(draft({ cases: 2, people: 6 }), edit.cursor, 2).cursor.step).toBe('review');

    const blocked = checkBeforeSubmit(draft({ cases: 2 }), review);
    expect(textOf(blocked!.replies)).toContain('còn 1 mục bắt buộc chưa trả lời (“Số người”)');
    expect(blocked!.cursor).toMatchObject({ step: 'field', field: 2 });
    expect(checkBeforeSubmit(draft({ cases: 2, people: 2 }), review)).toBeNull();
  });

  it('reopens a returned report with the comment first, and refuses changes once locked', () => {
    const returned = openReport(
      draft({ cases: 2, people: 2 }, { status: 'returned', returnComment: 'Bổ sung số người' }),
    );
    expect(textOf(returned.replies.slice(0, 1))).toMatch(
      /trả lại để chỉnh sửa.*\n“Bổ sung số người”/,
    );
    expect(returned.cursor?.step).toBe('review');
    const locked = openReport(draft({}, { locked: true }));
    expect(locked.cursor).toBeNull();
    expect(textOf(locked.replies)).toMatch(/đã khóa/);
  });

  it('shows the current value when another officer saved first', () => {
    const cursor: ReportCursor = {
      ref: 's1',
      step: 'field',
      field: 0,
      trail: [],
      resumeAt: 0,
      version: 1,
    };
    const stale = staleAnswerReplies(draft({ cases: 7 }, { version: 2 }), cursor);
    expect(textOf(stale.replies)).toContain('Giá trị hiện tại của mục “Số vụ”: **7 vụ**');
    expect(stale.cursor.version).toBe(2);
  });

  it('pages the field list for a channel with few buttons, and keeps button payloads short', () => {
    const police = draft({}, { template: POLICE_MIGRATION_STATISTICS_TEMPLATE });
    const page = fieldListReplies(police, 4, 0);
    expect(actionsOf(page)).toEqual(['rp:e:0', 'rp:e:1', 'rp:e:2', 'rp:e:3', 'rp:l:1', 'rp:r']);
    const last = fieldListReplies(police, 4, 99);
    expect(actionsOf(last)).toContain('rp:l:0');
    const id = '0b6c3d1e-2f4a-4b5c-8d9e-0f1a2b3c4d5e';
    expect(Buffer.byteLength(ReportAction.open(`${id}:2026-H1`))).toBeLessThanOrEqual(64);
  });

  it('reads its buttons, and typed text as the answer while a report is open', () => {
    expect(reportActionIntent('rp:v:3:1')).toEqual({ kind: 'report_choice', field: 3, option: 1 });
    expect(reportActionIntent('rp:o:abc:2026-H1')).toEqual({
      kind: 'report_open',
      ref: 'abc:2026-H1',
    });
    expect(reportActionIntent('rp:v:x')).toEqual({ kind: 'reports' });
    expect(reportActionIntent('topic:1')).toBeUndefined();
    const event = { channel: 'telegram', updateId: '1', chatId: 'c', user: { id: 'u' } } as const;
    const text = { ...event, type: 'text', text: 'đi xkld cần gì' } as BotEvent;
    expect(interpret(INITIAL_STATE, text)).toEqual({ kind: 'ask', text: 'đi xkld cần gì' });
    const cursor: ReportCursor = {
      ref: 's1',
      step: 'field',
      field: 0,
      trail: [],
      resumeAt: 0,
      version: 1,
    };
    expect(interpret({ ...INITIAL_STATE, report: cursor }, text)).toEqual({
      kind: 'report_answer',
      text: 'đi xkld cần gì',
    });
    expect(interpret(INITIAL_STATE, { ...event, type: 'command', command: 'baocao' })).toEqual({
      kind: 'reports',
    });
  });

  it('corrects a submitted report: the values shown, a field changed and marked, sent together', () => {
    const submitted = draft({ cases: 2, people: 3 }, { status: 'submitted', version: 4 });
    const opened = openReport(submitted);
    expect(opened.cursor).toMatchObject({ step: 'review', correction: {}, version: 4 });
    expect(textOf(opened.replies)).toMatch(/^Báo cáo này \*\*đã gửi\*\*/);
    expect(textOf(opened.replies)).toContain('3. Số người: 3 người');
    expect(actionsOf(opened.replies)).toEqual(['rp:ok', 'rp:l:0', 'rp:x']);
    let cursor = opened.cursor!;

    // "3" on the review asks field 3; the answer is held, not saved, and back to the review.
    const view = withCorrection(submitted, cursor);
    expect(readReportText(view, cursor, '3', NOW)).toEqual({ kind: 'edit', field: 2 });
    const edit = editField(view, cursor, 2);
    cursor = holdCorrection(view, edit.cursor, 2, 5);
    expect(cursor.correction).toEqual({ people: 5 });
    const corrected = withCorrection(submitted, cursor);
    const back = afterAnswer(corrected, cursor, 2);
    expect(back.cursor).toMatchObject({ step: 'review', correction: { people: 5 } });
    expect(textOf(back.replies)).toContain('3. Số người: 5 người (đã sửa, trước đây: 3 người)');
    expect(correctedFields(corrected, back.cursor)).toEqual(['people']);
    expect(textOf(correctedReplies(corrected, ['people']))).toContain(
      '- 3. Số người: 3 người → **5 người**',
    );
    // Putting the submitted value back drops the correction.
    expect(holdCorrection(corrected, cursor, 2, 3).correction).toEqual({});

    // A correction that breaks a rule is asked again before anything is sent.
    const broken = holdCorrection(corrected, cursor, 0, 9);
    const check = checkBeforeSubmit(withCorrection(submitted, broken), broken);
    expect(textOf(check!.replies)).toContain('Số vụ không thể nhiều hơn số người.');
    expect(check!.cursor.correction).toEqual({ people: 5, cases: 9 });

    // Accepted: shown, not correctable.
    const accepted = openReport({ ...submitted, status: 'accepted' });
    expect(accepted.cursor).toBeNull();
    expect(textOf(accepted.replies)).toMatch(/Đã duyệt.*không sửa qua bot được/);
  });

  it('ticks multiple-choice options with buttons until "Xong", and takes typed numbers too', () => {
    const template: ReportDraftView['template'] = {
      sections: [
        {
          key: 's',
          title: 'Tuyên truyền',
          fields: [
            {
              key: 'forms',
              label: 'Hình thức tuyên truyền',
              type: 'multiple_choice',
              required: true,
              choices: [
                { value: 'meeting', label: 'Họp dân' },
                { value: 'radio', label: 'Loa phát thanh' },
                { value: 'leaflet', label: 'Tờ rơi' },
              ],
            },
          ],
        },
      ],
      rules: [],
    };
    const view = draft({}, { template });
    const opened = openReport(view);
    let cursor = opened.cursor!;
    expect(actionsOf(opened.replies)).toEqual([
      'rp:t:0:0',
      'rp:t:0:1',
      'rp:t:0:2',
      'rp:d:0',
      'rp:r',
    ]);
    // "Xong" with nothing ticked on a required field: asked to choose.
    const none = readReportButton(view, cursor, { field: 0, done: true });
    expect(textOf((none as { replies: BotReply[] }).replies)).toMatch(/chọn ít nhất một/);

    let toggled = toggleOption(view, cursor, { field: 0, option: 2 });
    toggled = toggleOption(view, toggled.cursor, { field: 0, option: 0 });
    toggled = toggleOption(view, toggled.cursor, { field: 0, option: 1 });
    toggled = toggleOption(view, toggled.cursor, { field: 0, option: 1 });
    cursor = toggled.cursor;
    const labels = toggled.replies.flatMap((r) =>
      r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.label) : [],
    );
    expect(labels.slice(0, 4)).toEqual(['✅ Họp dân', 'Loa phát thanh', '✅ Tờ rơi', 'Xong']);
    expect(readReportButton(view, cursor, { field: 0, done: true })).toEqual({
      kind: 'save',
      field: 0,
      value: ['meeting', 'leaflet'],
    });
    // Typed instead: "1, 2".
    expect(readReportText(view, cursor, '1, 2', NOW)).toEqual({
      kind: 'save',
      field: 0,
      value: ['meeting', 'radio'],
    });
    // A saved answer shows its ticks when the field is asked again.
    const saved = draft({ forms: ['radio'] }, { template });
    const again = editField(saved, { ...cursor, picked: undefined, step: 'review' }, 0);
    expect(textOf(again.replies)).toContain('2. ✅ Loa phát thanh');
  });

  it('tells the unit a report was returned in words that work without buttons', () => {
    const [notice] = returnedNoticeReplies('s1', 'Báo cáo năm', 'Năm 2026', 'Phường 1', 'Bổ sung');
    expect(notice.type === 'text' && notice.text).toMatch(/Lý do: Bổ sung\nGõ \/baocao/);
    expect(actionsOf([notice])).toEqual(['rp:o:s1']);
    expect(reportActionIntent('rp:t:2:1')).toEqual({ kind: 'report_toggle', field: 2, option: 1 });
    expect(reportActionIntent('rp:d:2')).toEqual({ kind: 'report_done', field: 2 });
    expect(reportActionIntent('rp:x')).toEqual({ kind: 'report_discard' });
  });

  it('speaks English to an officer who chose it, the report keeping its own words', () => {
    const opened = openReport(draft({}, { locale: 'en' }));
    expect(textOf(opened.replies)).toContain(
      'The report has 3 fields; the bot asks them one by one',
    );
    expect(textOf(opened.replies)).toContain('Field 1/3 · Di cư trái phép\n**Số vụ**');
    const submitted = openReport(
      draft({ cases: 2, people: 3 }, { status: 'submitted', locale: 'en' }),
    );
    expect(textOf(submitted.replies)).toMatch(/^This report has been \*\*submitted\*\*/);
    expect(
      submitted.replies.flatMap((r) =>
        r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.label) : [],
      ),
    ).toEqual(['Resubmit report', 'Edit a field', 'Discard changes']);
    expect(
      textOf(reportListReplies([{ ...draft(), status: 'returned', timeliness: 'overdue' }], 'en')),
    ).toContain('due 05/07/2026 · Returned for correction · Overdue, not submitted');
    expect(textOf(returnedNoticeReplies('s1', 'T', 'P', 'U', 'C', 'en'))).toContain(
      'Type /baocao and choose this report',
    );
    // Vietnamese stays the default.
    expect(textOf(openReport(draft()).replies)).toContain('Mục 1/3');
  });
});
