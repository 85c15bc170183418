/**
 * Shapes of the coordinating office's reporting screens (issue 13): the tracking matrix of one
 * template's period, the one-click reminder, the totals up the unit hierarchy, and the exports
 * (/api/v1/reporting/templates/:id/periods/:periodKey/…).
 */
import type { IsoDate } from '../reporting/local-time';
import type { FieldType } from '../reporting/template';
import { Role } from '../auth/roles';
import type { UnitKind } from '../units/unit-kind';

/** Who reads the matrix, the totals and the exports: the office, never a unit reporter. */
export const REPORT_TRACKING_READERS: readonly Role[] = [Role.Admin, Role.Coordinator, Role.Viewer];

/** Who sends the one-click reminder to the units that have not submitted. */
export const REPORT_REMINDER_SENDERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/**
 * A unit's place in the matrix. `submitted_on_time` and `submitted_late` are a submitted report
 * not yet reviewed, by its first submission against the due instant.
 */
export const TRACKING_STATUSES = [
  'not_started',
  'draft',
  'submitted_on_time',
  'submitted_late',
  'returned',
  'accepted',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const trackingStatusLabelsVi: Record<TrackingStatus, string> = {
  not_started: 'Chưa bắt đầu',
  draft: 'Đang soạn',
  submitted_on_time: 'Đã nộp đúng hạn',
  submitted_late: 'Đã nộp muộn',
  returned: 'Bị trả lại',
  accepted: 'Đã duyệt',
};

export interface TrackingQuery {
  kind?: UnitKind;
  /** Units under this unit, at any depth. */
  parentId?: string;
  status?: TrackingStatus;
  page?: number;
  /** Rows a page (default 500, at most 2000); groups and counts cover every unit. */
  pageSize?: number;
}

export interface ReportPeriodRef {
  key: string;
  label: string;
  dueDate: IsoDate;
  dueAt: string;
  locked: boolean;
  version: number;
}

export interface TrackingUnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface TrackingCell {
  unit: TrackingUnitRef;
  parentId: string | null;
  status: TrackingStatus;
  /** Past due and not submitted (not started or a draft). */
  overdue: boolean;
  /** The report to open (`/reporting/submissions/:id`); null when not started. */
  submissionId: string | null;
  firstSubmittedAt: string | null;
  answeredCount: number;
}

export type TrackingCounts = Record<TrackingStatus, number> & { total: number; overdue: number };

/** The units of one kind under one parent unit (null: units without a parent). */
export interface TrackingGroup {
  parent: TrackingUnitRef | null;
  kind: UnitKind;
  counts: TrackingCounts;
}

export interface TrackingMatrixResponse {
  template: { id: string; code: string; title: string };
  period: ReportPeriodRef;
  /** Every unit matching kind and parent, by status (the status filter does not narrow them). */
  counts: TrackingCounts;
  /** Groups of the units matching every filter, by parent name then kind. */
  groups: TrackingGroup[];
  /** This page of units matching every filter, ordered by group then unit code. */
  rows: TrackingCell[];
  total: number;
  page: number;
  pageSize: number;
  /** When the last one-click reminder of the period was sent (null: never). */
  lastReminderAt: string | null;
}

export interface SendPeriodReminderResponse {
  /** Units reminded: those owing the report, not submitted, with a linked member. */
  units: number;
  /** Outbox messages queued (one per linked chat account). */
  messages: number;
  sentAt: string;
}

export interface TotalsField {
  key: string;
  label: string;
  type: FieldType;
  unit: string | null;
}

/** A unit of the hierarchy with the sums of what it and the units under it reported. */
export interface TotalsNode {
  unit: TrackingUnitRef;
  parentId: string | null;
  /** Reports counted in the sums (submitted or accepted, this unit's and those below it). */
  reports: number;
  /** By numeric field key; null when no report below answered it. */
  sums: Record<string, number | null>;
  /** Units with figures sit under it (the console loads them when the row is opened). */
  hasChildren: boolean;
}

/** Which units of the hierarchy the totals list (completeness and texts are always whole). */
export interface ReportTotalsQuery {
  /** `all` (default): every unit with figures; `top`: the top units and the level below them. */
  scope?: 'all' | 'top';
  /** Only the units directly under this one (a row opened in the console). */
  parentId?: string;
}

export interface TotalsText {
  unit: TrackingUnitRef;
  field: string;
  label: string;
  text: string;
}

/** Completeness and timeliness of one unit kind (by first submission). */
export interface CompletenessRow {
  kind: UnitKind;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

export interface CompletenessPoint {
  periodKey: string;
  label: string;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  /** submitted / expected, 0–100, one decimal. */
  percent: number;
}

export interface ReportTotalsResponse {
  template: { id: string; code: string; title: string };
  period: ReportPeriodRef;
  fields: TotalsField[];
  /** The units with a counted report or one below it (see ReportTotalsQuery), by code. */
  nodes: TotalsNode[];
  texts: TotalsText[];
  completeness: CompletenessRow[];
  /** Completeness over the template's periods, oldest first. */
  series: CompletenessPoint[];
}

/** What the DOCX report's heading and signature say; every part has a sensible default. */
export interface ReportDocxQuery {
  /** The issuing body, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ SÔNG CẦU" (default: the top unit's name). */
  issuer?: string;
  /** The body it belongs to, above the issuer (optional). */
  parentIssuer?: string;
  /** The symbol after the number: "BC-UBND" (default). */
  symbol?: string;
  /** The place in "…, ngày … tháng … năm …" (default "……"). */
  place?: string;
  signerTitle?: string;
  signerName?: string;
}
