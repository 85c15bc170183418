import {
  ErrorCode,
  formatDateTimeVi,
  FieldError,
  ReportDraftConflict,
  ReportProblem,
  TemplateProblem,
} from '@gcm/domain';
import { AppError } from '../../common/errors/app-error';

export const ReportingErrors = {
  templateNotFound: () =>
    new AppError(ErrorCode.ReportTemplateNotFound, 404, 'No such report template.'),
  templateCodeTaken: (code: string) =>
    new AppError(
      ErrorCode.ReportTemplateCodeTaken,
      409,
      `A report template with code ${code} exists already; edit it to make a new version.`,
      [{ field: 'definition.code', message: 'already used by another template' }],
    ),
  submissionNotFound: () =>
    new AppError(ErrorCode.ReportSubmissionNotFound, 404, 'No such report submission.'),
  notYourUnit: () =>
    new AppError(
      ErrorCode.ReportNotYourUnit,
      403,
      "A unit reporter sees and edits only its own unit's reports.",
    ),
  notOwed: (message: string) => new AppError(ErrorCode.ReportNotOwed, 409, message),
  periodLocked: (periodKey: string) =>
    new AppError(
      ErrorCode.ReportPeriodLocked,
      409,
      `The period ${periodKey} is locked: its reports can no longer change.`,
    ),
  reminderSentToday: (sentAt: Date) =>
    new AppError(
      ErrorCode.ReportReminderSentToday,
      409,
      `The units that have not submitted this period were reminded today at ${formatDateTimeVi(sentAt)} (Vietnam time): once a day at most, so the next reminder can go tomorrow.`,
      { sentAt: sentAt.toISOString() },
    ),
  actionRefused: (message: string) => new AppError(ErrorCode.ReportActionNotAllowed, 409, message),
  stale: (conflict: ReportDraftConflict) =>
    new AppError(
      ErrorCode.ReportDraftStale,
      409,
      `Someone else changed ${conflict.fields.map((f) => f.field).join(', ')}: see the current values in details and enter yours again if needed.`,
      conflict,
    ),
  /** 400 `validation_failed` naming the fields, like the validation pipe's answers. */
  invalid: (details: FieldError[]) =>
    AppError.validation(details, details.map((d) => `${d.field}: ${d.message}`).join('; ')),
  /** A template definition's problems, each under `definition.<path>`. */
  invalidTemplate: (problems: TemplateProblem[]) =>
    ReportingErrors.invalid(
      problems.map((p) => ({
        field: p.path ? `definition.${p.path}` : 'definition',
        message: p.message,
      })),
    ),
  /** A report's problems, under `values.<field>` (a broken rule names each of its fields). */
  invalidValues: (problems: ReportProblem[]) =>
    ReportingErrors.invalid(
      problems.flatMap((p) =>
        p.kind === 'rule_failed'
          ? p.fields.map((field) => ({ field: `values.${field}`, message: p.message }))
          : [{ field: `values.${p.field}`, message: p.message }],
      ),
    ),
};
