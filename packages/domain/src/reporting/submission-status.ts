import { isLate, type ReportingPeriod } from './periods';

/**
 * The life of one unit's report for one period, as a small pure state machine. The API stores
 * the state on the submission row and calls `applySubmissionAction` for every change, inside the
 * transaction that saves the values.
 *
 *   action       from                               to
 *   save_draft   not_started, draft, returned       draft (a returned report stays returned)
 *   submit       not_started, draft, returned       submitted
 *   correct      submitted                          submitted
 *   accept       submitted                          accepted
 *   return       submitted, accepted                returned, with the office's comment
 *   lock         any status                         the same status, locked
 *
 * - The unit fills in and saves (`save_draft`), submits (`submit`), and may correct a submitted
 *   report (`correct`) until the office accepts it or locks the period.
 * - The office accepts (`accept`) or returns it with a comment (`return`): the unit's draft is
 *   reopened, the comment shown, until it submits again.
 * - The office locks (`lock`) a submission, whatever its status, when the period is closed
 *   (aggregated and sent on): nothing changes it after that.
 * - Lateness is decided by the first submission: corrections and resubmissions after a return do
 *   not make a report that came in on time late.
 */
export const SubmissionStatus = {
  NotStarted: 'not_started',
  Draft: 'draft',
  Submitted: 'submitted',
  Returned: 'returned',
  Accepted: 'accepted',
} as const;

export type SubmissionStatus = (typeof SubmissionStatus)[keyof typeof SubmissionStatus];

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = Object.values(SubmissionStatus);

export const submissionStatusLabelsVi: Record<SubmissionStatus, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại để chỉnh sửa',
  accepted: 'Đã duyệt',
};

export type SubmissionAction =
  | { type: 'save_draft' }
  | { type: 'submit' }
  | { type: 'correct' }
  | { type: 'accept' }
  | { type: 'return'; comment: string }
  | { type: 'lock' };

export type SubmissionActionType = SubmissionAction['type'];

/** Who takes each action: the reporting unit, or the coordinating office (staff). */
export const SUBMISSION_ACTION_ACTORS: Record<SubmissionActionType, 'unit' | 'office'> = {
  save_draft: 'unit',
  submit: 'unit',
  correct: 'unit',
  accept: 'office',
  return: 'office',
  lock: 'office',
};

export const submissionActionLabelsVi: Record<SubmissionActionType, string> = {
  save_draft: 'Lưu nháp',
  submit: 'Nộp báo cáo',
  correct: 'Sửa báo cáo đã nộp',
  accept: 'Duyệt',
  return: 'Trả lại để chỉnh sửa',
  lock: 'Khóa',
};

export interface SubmissionState {
  status: SubmissionStatus;
  locked: boolean;
  /** When it was first submitted: decides lateness. */
  firstSubmittedAt: Date | null;
  /** When it was last submitted or corrected. */
  submittedAt: Date | null;
  /** The office's comment when it returned the report; cleared when the unit submits again. */
  returnComment: string | null;
}

export const INITIAL_SUBMISSION_STATE: Readonly<SubmissionState> = Object.freeze({
  status: 'not_started',
  locked: false,
  firstSubmittedAt: null,
  submittedAt: null,
  returnComment: null,
});

/** Longest comment the office may return a report with. */
export const MAX_RETURN_COMMENT_LENGTH = 2000;

/** Why an action was refused: `locked` (the submission is locked), `not_allowed` (not from this status), `comment_required`. */
export type SubmissionRefusal = 'locked' | 'not_allowed' | 'comment_required';

export type SubmissionTransition =
  { ok: true; state: SubmissionState } | { ok: false; reason: SubmissionRefusal; message: string };

const FROM: Record<SubmissionActionType, readonly SubmissionStatus[]> = {
  save_draft: ['not_started', 'draft', 'returned'],
  submit: ['not_started', 'draft', 'returned'],
  correct: ['submitted'],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
  lock: SUBMISSION_STATUSES,
};

/** The actions allowed from `state` (none once it is locked). */
export function allowedSubmissionActions(state: SubmissionState): SubmissionActionType[] {
  if (state.locked) return [];
  return (Object.keys(FROM) as SubmissionActionType[]).filter((type) =>
    FROM[type].includes(state.status),
  );
}

/** The state after `action` at `now`, or why it is refused (with a Vietnamese message). */
export function applySubmissionAction(
  state: SubmissionState,
  action: SubmissionAction,
  now: Date,
): SubmissionTransition {
  if (state.locked) {
    return refuse('locked', 'Báo cáo của kỳ này đã bị khóa, không thể thay đổi.');
  }
  if (!FROM[action.type].includes(state.status)) {
    return refuse(
      'not_allowed',
      `Không thể thực hiện “${submissionActionLabelsVi[action.type]}” khi báo cáo ở trạng thái “${submissionStatusLabelsVi[state.status]}”.`,
    );
  }
  switch (action.type) {
    case 'save_draft':
      return next(state, { status: state.status === 'returned' ? 'returned' : 'draft' });
    case 'submit':
      return next(state, {
        status: 'submitted',
        firstSubmittedAt: state.firstSubmittedAt ?? now,
        submittedAt: now,
        returnComment: null,
      });
    case 'correct':
      return next(state, { submittedAt: now });
    case 'accept':
      return next(state, { status: 'accepted' });
    case 'return': {
      const comment = typeof action.comment === 'string' ? action.comment.trim() : '';
      if (!comment) {
        return refuse('comment_required', 'Vui lòng ghi rõ lý do trả lại để đơn vị chỉnh sửa.');
      }
      if (comment.length > MAX_RETURN_COMMENT_LENGTH) {
        return refuse(
          'comment_required',
          `Lý do trả lại dài quá ${MAX_RETURN_COMMENT_LENGTH} ký tự; vui lòng rút gọn.`,
        );
      }
      return next(state, { status: 'returned', returnComment: comment });
    }
    case 'lock':
      return next(state, { locked: true });
  }
}

/**
 * Where a unit stands against the due date: `on_time` or `late` once submitted (by the first
 * submission), `overdue` when not submitted and past due, `not_due` when not submitted yet and
 * still in time. A report returned and not yet resubmitted keeps the timeliness of its first
 * submission.
 */
export type SubmissionTimeliness = 'on_time' | 'late' | 'overdue' | 'not_due';

export const submissionTimelinessLabelsVi: Record<SubmissionTimeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Nộp muộn',
  overdue: 'Quá hạn, chưa nộp',
  not_due: 'Chưa đến hạn',
};

export function submissionTimeliness(
  state: Pick<SubmissionState, 'firstSubmittedAt'>,
  due: ReportingPeriod | Date,
  now: Date,
): SubmissionTimeliness {
  if (state.firstSubmittedAt) return isLate(state.firstSubmittedAt, due) ? 'late' : 'on_time';
  return isLate(now, due) ? 'overdue' : 'not_due';
}

function next(state: SubmissionState, changes: Partial<SubmissionState>): SubmissionTransition {
  return { ok: true, state: { ...state, ...changes } };
}

function refuse(reason: SubmissionRefusal, message: string): SubmissionTransition {
  return { ok: false, reason, message };
}
