import { describe, expect, it } from 'vitest';
import { periodByKey, type ReportingPeriod } from './periods';
import {
  allowedSubmissionActions,
  applySubmissionAction,
  INITIAL_SUBMISSION_STATE,
  SUBMISSION_STATUSES,
  type SubmissionAction,
  type SubmissionState,
  submissionStatusLabelsVi,
  submissionTimeliness,
} from './submission-status';

const at = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

/** Applies actions in turn from the initial state; fails the test on a refusal. */
function run(...steps: [SubmissionAction, string][]): SubmissionState {
  let state: SubmissionState = INITIAL_SUBMISSION_STATE;
  for (const [action, when] of steps) {
    const result = applySubmissionAction(state, action, at(when));
    if (!result.ok) throw new Error(`${action.type}: ${result.message}`);
    state = result.state;
  }
  return state;
}

describe('applySubmissionAction', () => {
  it('takes a report from first answers to acceptance', () => {
    const draft = run([{ type: 'save_draft' }, '2026-07-01 09:00']);
    expect(draft.status).toBe('draft');
    const submitted = run(
      [{ type: 'save_draft' }, '2026-07-01 09:00'],
      [{ type: 'submit' }, '2026-07-03 10:00'],
    );
    expect(submitted).toEqual({
      status: 'submitted',
      locked: false,
      firstSubmittedAt: at('2026-07-03 10:00'),
      submittedAt: at('2026-07-03 10:00'),
      returnComment: null,
    });
    const accepted = applySubmissionAction(submitted, { type: 'accept' }, at('2026-07-04 08:00'));
    expect(accepted).toMatchObject({ ok: true, state: { status: 'accepted' } });
  });

  it('lets the unit correct a submitted report until it is accepted, keeping the first submission', () => {
    const corrected = run(
      [{ type: 'submit' }, '2026-07-03 10:00'],
      [{ type: 'correct' }, '2026-07-08 10:00'],
    );
    expect(corrected.status).toBe('submitted');
    expect(corrected.firstSubmittedAt).toEqual(at('2026-07-03 10:00'));
    expect(corrected.submittedAt).toEqual(at('2026-07-08 10:00'));
    const accepted = run(
      [{ type: 'submit' }, '2026-07-03 10:00'],
      [{ type: 'accept' }, '2026-07-04 10:00'],
    );
    expect(applySubmissionAction(accepted, { type: 'correct' }, at('2026-07-05 10:00'))).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Không thể thực hiện “Sửa báo cáo đã nộp” khi báo cáo ở trạng thái “Đã duyệt”.',
    });
  });

  it('returns a report with a comment, reopens it, and clears the comment on resubmission', () => {
    const returned = run(
      [{ type: 'submit' }, '2026-07-03 10:00'],
      [{ type: 'return', comment: '  Số nạn nhân chưa khớp.  ' }, '2026-07-04 10:00'],
    );
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'Số nạn nhân chưa khớp.' });
    expect(allowedSubmissionActions(returned)).toEqual(['save_draft', 'submit', 'lock']);
    const saved = applySubmissionAction(returned, { type: 'save_draft' }, at('2026-07-05 10:00'));
    expect(saved).toMatchObject({
      ok: true,
      state: { status: 'returned', returnComment: 'Số nạn nhân chưa khớp.' },
    });
    const resubmitted = run(
      [{ type: 'submit' }, '2026-07-03 10:00'],
      [{ type: 'return', comment: 'Sửa lại' }, '2026-07-04 10:00'],
      [{ type: 'submit' }, '2026-07-09 10:00'],
    );
    expect(resubmitted).toMatchObject({
      status: 'submitted',
      returnComment: null,
      firstSubmittedAt: at('2026-07-03 10:00'),
      submittedAt: at('2026-07-09 10:00'),
    });
  });

  it('wants a reason to return a report', () => {
    const submitted = run([{ type: 'submit' }, '2026-07-03 10:00']);
    expect(
      applySubmissionAction(submitted, { type: 'return', comment: '   ' }, at('2026-07-04 10:00')),
    ).toEqual({
      ok: false,
      reason: 'comment_required',
      message: 'Vui lòng ghi rõ lý do trả lại để đơn vị chỉnh sửa.',
    });
    expect(
      applySubmissionAction(
        submitted,
        { type: 'return', comment: 'x'.repeat(2001) },
        at('2026-07-04 10:00'),
      ).ok,
    ).toBe(false);
  });

  it('lets the office return an accepted report, but not accept one never submitted', () => {
    const accepted = run(
      [{ type: 'submit' }, '2026-07-03 10:00'],
      [{ type: 'accept' }, '2026-07-04 10:00'],
    );
    expect(
      applySubmissionAction(
        accepted,
        { type: 'return', comment: 'Sai số liệu' },
        at('2026-07-05 10:00'),
      ).ok,
    ).toBe(true);
    expect(
      applySubmissionAction(INITIAL_SUBMISSION_STATE, { type: 'accept' }, at('2026-07-05 10:00')),
    ).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
  });

  it('freezes a locked submission, whatever its status', () => {
    for (const state of [
      INITIAL_SUBMISSION_STATE,
      run([{ type: 'save_draft' }, '2026-07-01 09:00']),
      run([{ type: 'submit' }, '2026-07-01 09:00']),
    ]) {
      const locked = applySubmissionAction(state, { type: 'lock' }, at('2026-07-10 09:00'));
      if (!locked.ok) throw new Error(locked.message);
      expect(locked.state).toEqual({ ...state, locked: true });
      expect(allowedSubmissionActions(locked.state)).toEqual([]);
      expect(
        applySubmissionAction(locked.state, { type: 'submit' }, at('2026-07-11 09:00')),
      ).toEqual({
        ok: false,
        reason: 'locked',
        message: 'Báo cáo của kỳ này đã bị khóa, không thể thay đổi.',
      });
      expect(applySubmissionAction(locked.state, { type: 'lock' }, at('2026-07-11 09:00')).ok).toBe(
        false,
      );
    }
  });

  it('does not change the state it is given', () => {
    const state = run([{ type: 'submit' }, '2026-07-03 10:00']);
    const copy = structuredClone(state);
    applySubmissionAction(state, { type: 'accept' }, at('2026-07-04 10:00'));
    expect(state).toEqual(copy);
  });
});

describe('allowedSubmissionActions', () => {
  it('offers each status its actions', () => {
    const byStatus = Object.fromEntries(
      SUBMISSION_STATUSES.map((status) => [
        status,
        allowedSubmissionActions({ ...INITIAL_SUBMISSION_STATE, status }),
      ]),
    );
    expect(byStatus).toEqual({
      not_started: ['save_draft', 'submit', 'lock'],
      draft: ['save_draft', 'submit', 'lock'],
      submitted: ['correct', 'accept', 'return', 'lock'],
      returned: ['save_draft', 'submit', 'lock'],
      accepted: ['return', 'lock'],
    });
  });

  it('has a Vietnamese label for every status', () => {
    for (const status of SUBMISSION_STATUSES) expect(submissionStatusLabelsVi[status]).toBeTruthy();
  });
});

describe('submissionTimeliness', () => {
  const firstHalf = periodByKey(
    {
      kind: 'half_yearly',
      due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
    },
    '2026-H1',
  ) as ReportingPeriod;

  it('judges by the first submission, in Vietnam time', () => {
    const onTime = run([{ type: 'submit' }, '2026-07-05 23:59']);
    expect(submissionTimeliness(onTime, firstHalf, at('2026-08-01 00:00'))).toBe('on_time');
    const late = run([{ type: 'submit' }, '2026-07-06 00:30']);
    expect(submissionTimeliness(late, firstHalf, at('2026-08-01 00:00'))).toBe('late');
    const returnedAndLate = run(
      [{ type: 'submit' }, '2026-07-04 10:00'],
      [{ type: 'return', comment: 'Bổ sung' }, '2026-07-05 10:00'],
      [{ type: 'submit' }, '2026-07-10 10:00'],
    );
    expect(submissionTimeliness(returnedAndLate, firstHalf, at('2026-08-01 00:00'))).toBe(
      'on_time',
    );
  });

  it('tells overdue from not yet due when nothing was submitted', () => {
    expect(submissionTimeliness(INITIAL_SUBMISSION_STATE, firstHalf, at('2026-07-05 23:59'))).toBe(
      'not_due',
    );
    expect(submissionTimeliness(INITIAL_SUBMISSION_STATE, firstHalf, at('2026-07-06 00:00'))).toBe(
      'overdue',
    );
    expect(
      submissionTimeliness(INITIAL_SUBMISSION_STATE, firstHalf.dueAt, at('2026-07-06 00:00')),
    ).toBe('overdue');
  });
});
