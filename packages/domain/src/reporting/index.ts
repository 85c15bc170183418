/**
 * The reporting cycle's rules (issue 11, "Units report through the bot"), pure and without I/O:
 * the API stores templates, periods and submissions, the bot asks the fields, and both call these.
 *
 * - local-time.ts: Vietnam time (fixed UTC+7), calendar days, dd/mm/yyyy.
 * - schedule.ts, periods.ts: when a report is owed; periods with keys, labels, due instants.
 * - template.ts, validate-template.ts, template-versions.ts: templates as data, their checks,
 *   which version applies to a period.
 * - field-input.ts, report-values.ts: what people type in a chat; a report's values and problems.
 * - rules.ts: cross-field rules (parser and three-valued evaluation, no eval).
 * - reminders.ts: which reminder step is due now.
 * - submission-status.ts: the submission's state machine and timeliness.
 * - link-codes.ts: one-time codes that link a chat account to a unit's officer.
 * - seed-templates.ts: the two templates of the city plan.
 */
export {
  REPORTING_TIME_ZONE,
  VIETNAM_UTC_OFFSET_MINUTES,
  MIN_YEAR,
  MAX_YEAR,
  type IsoDate,
  type CalendarDate,
  daysInMonth,
  isLeapYear,
  isValidCalendarDate,
  parseIsoDate,
  isIsoDate,
  toIsoDate,
  localDateOf,
  localIsoDateOf,
  localMinutesOfDay,
  startOfLocalDay,
  endOfLocalDay,
  addDays,
  daysBetween,
  compareCalendarDates,
  formatDateVi,
  formatDateTimeVi,
} from './local-time';
export {
  type ReportSchedule,
  type OnceSchedule,
  type DueDayOfYear,
  type DueAfterPeriod,
  type TemplateProblem,
  ScheduleKind,
  SCHEDULE_KINDS,
  scheduleKindLabelsVi,
  MAX_MONTHS_AFTER,
  validateSchedule,
} from './schedule';
export {
  type ReportingPeriod,
  type PeriodKeyParts,
  MAX_PERIODS_LISTED,
  parsePeriodKey,
  periodKeyFirstDay,
  periodByKey,
  periodAt,
  currentPeriod,
  nextPeriod,
  periodsBetween,
  periodsDueBetween,
  isLate,
} from './periods';
export * from './template';
export { TEMPLATE_LIMITS, validateTemplate, isValidTemplate } from './validate-template';
export {
  type TemplateVersionRef,
  selectTemplateVersion,
  editEffectiveFrom,
} from './template-versions';
export {
  type FieldResult,
  type ParseFieldOptions,
  isSkipAnswer,
  parseFieldInput,
  validateValue,
  fieldHintVi,
  formatFieldValue,
  formatNumberVi,
} from './field-input';
export {
  type ReportProblem,
  type ReportCheckMode,
  type ReportCheck,
  checkReport,
  failedRules,
  unansweredFields,
} from './report-values';
export {
  MAX_RULE_LENGTH,
  MAX_RULE_DEPTH,
  type ComparisonOperator,
  type ArithmeticOperator,
  type NumericExpression,
  type RuleExpression,
  type RuleParseError,
  type RuleParseResult,
  type RuleOutcome,
  type RuleValues,
  parseRule,
  ruleFields,
  evaluateRule,
} from './rules';
export {
  type ReminderSchedule,
  type ReminderStep,
  DEFAULT_REMINDER_SCHEDULE,
  MAX_REMINDER_OFFSET_DAYS,
  MAX_REMINDER_STEPS,
  MAX_CATCH_UP_DAYS,
  reminderStepKey,
  dueReminderSteps,
  reminderMessageVi,
  validateReminderSchedule,
} from './reminders';
export * from './submission-status';
export * from './link-codes';
export * from './seed-templates';
export * from './access';
