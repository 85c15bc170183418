/**
 * Request and response shapes of the reporting endpoints (/api/v1/reporting/…) and of link codes
 * and linked chat accounts (/api/v1/units/:unitId/link-codes, …/linked-accounts). The API's DTOs
 * implement them and @gcm/api-client is typed by them.
 */
import type { Role } from '../auth/roles';
import type { Channel } from '../messages/bot-message';
import type { IsoDate } from '../reporting/local-time';
import type { ReminderSchedule } from '../reporting/reminders';
import type { ReportSchedule } from '../reporting/schedule';
import type {
  SubmissionActionType,
  SubmissionStatus,
  SubmissionTimeliness,
} from '../reporting/submission-status';
import type {
  FieldType,
  FieldValue,
  ReportTemplateDefinition,
  ReportValues,
} from '../reporting/template';
import type { UnitKind } from '../units/unit-kind';

/** Where a change to a report came from: a REST client, the console, or the bot on a platform. */
export const REPORT_CHANNELS = ['api', 'console', 'telegram', 'zalo'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** A template as staff write it: everything but the version number, which the API gives. */
export type ReportTemplateInput = Omit<ReportTemplateDefinition, 'version'>;

export interface CreateReportTemplateRequest {
  definition: ReportTemplateInput;
  /**
   * The first period (key, e.g. `2026-H1`) version 1 applies to; default: the period units report
   * on now (`currentPeriod`).
   */
  effectiveFrom?: string;
}

/** A new version of the template; its `code` must stay the same. Applies from the next period. */
export interface UpdateReportTemplateRequest {
  definition: ReportTemplateInput;
}

export interface ReportTemplateVersionRef {
  version: number;
  /** The key of the first period this version applies to. */
  effectiveFrom: string;
  createdAt: string;
}

export interface ReportTemplateSummaryResponse {
  id: string;
  code: string;
  /** Title, owing unit kinds and schedule of the latest version. */
  title: string;
  owedBy: UnitKind[];
  schedule: ReportSchedule;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportTemplateResponse extends ReportTemplateSummaryResponse {
  /** The latest version's definition. */
  definition: ReportTemplateDefinition;
  effectiveFrom: string;
  /** Every version, oldest first. */
  versions: ReportTemplateVersionRef[];
}

export interface ReportTemplateVersionResponse extends ReportTemplateVersionRef {
  templateId: string;
  definition: ReportTemplateDefinition;
}

/** One option of a choice or yes/no field, numbered as the bot lists it. */
export interface FieldPromptOption {
  number: number;
  value: string | boolean;
  label: string;
}

/** A field as the bot asks it. */
export interface FieldPrompt {
  key: string;
  type: FieldType;
  required: boolean;
  label: string;
  help: string | null;
  /** What to type (`fieldHintVi`): "Nhập một số nguyên không âm…". */
  hint: string;
  /** The whole message the bot sends for this field: the label, the help, then the hint. */
  text: string;
  options: FieldPromptOption[];
}

export interface ReportTemplatePreviewResponse {
  title: string;
  version: number | null;
  sections: { key: string; title: string; description: string | null; prompts: FieldPrompt[] }[];
  rules: { key: string; expression: string; message: string }[];
}

export interface ReportPeriodCounts {
  /** Units of the kinds that owe the report (not deleted). */
  owed: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  /** Submitted after the due date (by the first submission). */
  late: number;
}

export interface ReportPeriodResponse {
  key: string;
  label: string;
  firstDay: IsoDate;
  lastDay: IsoDate;
  dueDate: IsoDate;
  /** 23:59:59.999 Vietnam time of the due day. */
  dueAt: string;
  /** The template version that applies to the period. */
  version: number;
  /** The period units report on now. */
  current: boolean;
  locked: boolean;
  lockedAt: string | null;
  counts: ReportPeriodCounts;
}

export interface ReportPeriodListQuery {
  /** Periods starting from this key (default: the first version's first period). */
  from?: string;
  /** Up to this key (default: the next period). */
  to?: string;
}

export interface SubmissionUnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface SubmissionTemplateRef {
  id: string;
  code: string;
  title: string;
}

/** A unit's report for one period. `id` is null for a unit that has not started it. */
export interface ReportSubmissionSummaryResponse {
  id: string | null;
  template: SubmissionTemplateRef;
  /** The template version it is filled in with. */
  templateVersion: number;
  unit: SubmissionUnitRef;
  periodKey: string;
  periodLabel: string;
  dueDate: IsoDate;
  status: SubmissionStatus;
  locked: boolean;
  timeliness: SubmissionTimeliness;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  /** The draft's version: send it back with each save. 0 before the first save. */
  version: number;
  answeredCount: number;
  fieldCount: number;
  updatedAt: string | null;
}

export interface SubmissionFieldChange {
  before: FieldValue | null;
  after: FieldValue | null;
}

/** One change of a submission: who, when, from which channel, what changed. */
export interface SubmissionHistoryEntry {
  id: string;
  action: SubmissionActionType | 'open' | 'unlock';
  actor: { id: string; fullName: string } | null;
  channel: ReportChannel;
  changes: Record<string, SubmissionFieldChange>;
  comment: string | null;
  statusAfter: SubmissionStatus;
  /** The draft's version after the change. */
  version: number;
  at: string;
}

export interface ReportSubmissionResponse extends ReportSubmissionSummaryResponse {
  id: string;
  values: ReportValues;
  /** The office's comment when it returned the report; show it first. */
  returnComment: string | null;
  /** What the user asking may do now (none once locked). */
  allowedActions: SubmissionActionType[];
  /** Required fields still unanswered (what blocks submitting). */
  missingRequired: string[];
  /** The template version's definition, to show or ask the fields. */
  definition: ReportTemplateDefinition;
  history: SubmissionHistoryEntry[];
}

export interface ReportSubmissionListQuery {
  templateId?: string;
  /**
   * With `templateId`: every unit that owes that period is listed, those without a report as
   * `not_started` (id null).
   */
  periodKey?: string;
  unitId?: string;
  status?: SubmissionStatus;
  /** Submitted late or overdue and not submitted (true), or neither (false). */
  late?: boolean;
  page?: number;
  pageSize?: number;
}

/** Opens (or finds) a unit's report for a period: the draft to fill in. */
export interface OpenSubmissionRequest {
  templateId: string;
  /** Default: the unit reporter's own unit. */
  unitId?: string;
  /** Default: the period the unit reports on now. */
  periodKey?: string;
  channel?: ReportChannel;
}

/**
 * Answers to save, by field key. `version` is the draft's version the values were entered
 * against: a field someone else changed since is refused (409 `report_draft_stale`, with the
 * current values); other fields are never overwritten by a stale form.
 */
export interface SaveSubmissionValuesRequest {
  version: number;
  values: Record<string, unknown>;
  /** Default `api`. */
  channel?: ReportChannel;
}

/** Submits the report, after saving `values` (with `version`) when given. */
export interface SubmitReportRequest {
  version?: number;
  values?: Record<string, unknown>;
  channel?: ReportChannel;
}

export interface ReturnSubmissionRequest {
  comment: string;
}

/** The `details` of 409 `report_draft_stale`: the current draft, for the fields refused. */
export interface ReportDraftConflict {
  version: number;
  fields: {
    field: string;
    current: FieldValue | null;
    updatedAt: string;
    updatedBy: string | null;
  }[];
}

export interface CreateLinkCodeRequest {
  /** The staff user (a member of the unit) the code links a chat account to. */
  userId: string;
}

/** The code is shown once: only its hash is stored. */
export interface LinkCodeResponse {
  id: string;
  /** Eight characters, `ABCD-EFGH` as shown; typed back in any case, with or without the dash. */
  code: string;
  expiresAt: string;
}

export type LinkCodeStatus = 'active' | 'used' | 'expired' | 'revoked';

export interface LinkCodeSummaryResponse {
  id: string;
  user: { id: string; fullName: string };
  status: LinkCodeStatus;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** An active member of a unit, to whom a link code may be issued. */
export interface UnitMemberResponse {
  id: string;
  fullName: string;
  email: string;
  role: Role;
}

export interface LinkedAccountResponse {
  id: string;
  channel: Exclude<Channel, 'web'>;
  chatId: string;
  /** The name the chat platform gave when the account was linked. */
  displayName: string | null;
  user: { id: string; fullName: string; email: string };
  unit: { id: string; code: string; name: string };
  linkedAt: string;
}

export type ReminderScheduleResponse = ReminderSchedule & { updatedAt: string | null };
