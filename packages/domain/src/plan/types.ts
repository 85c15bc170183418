/**
 * Request and response shapes of the plan endpoints (/api/v1/plans, /api/v1/tasks,
 * /api/v1/task-updates). The API's DTOs implement them and @gcm/api-client is typed by them.
 */
import type { TaskStatus } from './task-status';
import type { AttachmentKind, TaskUpdateChannel } from './task-update';
import type { TaskTimeframe } from './timeframe';

/** A unit as plans name it. */
export interface PlanUnitRef {
  id: string;
  code: string;
  name: string;
}

export interface PlanGroupRef {
  id: string;
  /** 1, 2, 3…: the group's number in the plan ("II.1", "II.2"…). */
  ordinal: number;
  title: string;
}

export interface PlanSummaryResponse {
  id: string;
  /** Number and symbol, e.g. "389/KH-UBND". */
  number: string;
  title: string;
  issuingUnit: PlanUnitRef;
  startYear: number;
  endYear: number;
  /** The day it was signed, `YYYY-MM-DD`. */
  issuedOn: string;
  groupCount: number;
  taskCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanGroupResponse extends PlanGroupRef {
  tasks: PlanTaskResponse[];
}

/** A plan with its groups in order and each group's tasks (a unit reporter: its unit's only). */
export interface PlanResponse extends PlanSummaryResponse {
  groups: PlanGroupResponse[];
}

/** A plan as staff enter it from the signed document. */
export interface CreatePlanRequest {
  /** Number and symbol as printed, e.g. "389/KH-UBND" ("…/KH-UBND" when the number is unreadable). */
  number: string;
  title: string;
  issuingUnitId: string;
  startYear: number;
  endYear: number;
  /** The day it was signed, `YYYY-MM-DD`. */
  issuedOn: string;
}

/** Any field of the plan. */
export type UpdatePlanRequest = Partial<CreatePlanRequest>;

/** A numbered group of the plan's tasks ("1. Tuyên truyền, phổ biến…"). */
export interface CreatePlanGroupRequest {
  ordinal: number;
  title: string;
}

/** A new number renumbers the group's tasks ("3.1" becomes "4.1"). */
export type UpdatePlanGroupRequest = Partial<CreatePlanGroupRequest>;

export interface PlanListQuery {
  page?: number;
  pageSize?: number;
}

export interface PlanTaskResponse {
  id: string;
  planId: string;
  group: PlanGroupRef;
  /** "1.1", "3.2"…: starts with the group's number. */
  code: string;
  title: string;
  description: string;
  leadUnit: PlanUnitRef;
  coordinatingUnits: PlanUnitRef[];
  timeframe: TaskTimeframe;
  /** "Thường xuyên", "Đến năm 2022"… (`timeframeLabelVi`). */
  timeframeLabel: string;
  /** The timeframe's last day, `YYYY-MM-DD`; null when ongoing. */
  dueOn: string | null;
  status: TaskStatus;
  /** Past `dueOn` in Vietnam and not done. */
  overdue: boolean;
  updateCount: number;
  lastUpdateAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePlanTaskRequest {
  groupId: string;
  code: string;
  title: string;
  description?: string;
  leadUnitId: string;
  coordinatingUnitIds?: string[];
  timeframe: TaskTimeframe;
  status?: TaskStatus;
}

/** Every field optional; `coordinatingUnitIds` replaces the whole list. */
export type UpdatePlanTaskRequest = Partial<CreatePlanTaskRequest>;

export interface PlanTaskListQuery {
  planId?: string;
  groupId?: string;
  /** Tasks this unit leads or coordinates. */
  unitId?: string;
  status?: TaskStatus;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * A file with an update: either the chat platform's reference (`fileRef`: Telegram file_id,
 * Zalo URL) or the file itself (`contentBase64`), never both.
 */
export interface TaskUpdateAttachmentInput {
  kind: AttachmentKind;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
  fileRef?: string;
  contentBase64?: string;
}

export interface CreateTaskUpdateRequest {
  text: string;
  /**
   * The unit reporting. A unit reporter reports for its own unit (leave it out); coordinators and
   * admins may name the lead or a coordinating unit of the task (default: the lead unit).
   */
  unitId?: string;
  /** Default `api`. */
  channel?: TaskUpdateChannel;
  attachment?: TaskUpdateAttachmentInput;
}

export interface TaskUpdateAttachment {
  kind: AttachmentKind;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  /** The chat platform's reference, when the file stayed there. */
  fileRef: string | null;
  /** True when the API holds the file: GET /task-updates/:id/attachment. */
  stored: boolean;
}

export interface TaskUpdateResponse {
  id: string;
  task: { id: string; code: string; title: string };
  unit: PlanUnitRef;
  /** Null for demo data. */
  author: { id: string; fullName: string } | null;
  channel: TaskUpdateChannel;
  text: string;
  attachment: TaskUpdateAttachment | null;
  createdAt: string;
}

export interface TaskUpdateListQuery {
  /** The reporting unit; a unit reporter's own unit when left out. */
  unitId?: string;
  page?: number;
  pageSize?: number;
}
