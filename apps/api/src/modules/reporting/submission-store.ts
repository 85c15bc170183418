import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowedSubmissionActions,
  periodByKey,
  ReportSubmissionResponse,
  ReportSubmissionSummaryResponse,
  ReportTemplateDefinition,
  Role,
  SubmissionAction,
  SubmissionHistoryEntry,
  SubmissionState,
  SubmissionStatus,
  submissionTimeliness,
  templateFields,
  unansweredFields,
  UnitKind,
  applySubmissionAction,
} from '@gcm/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ReportActor } from './report-actor';
import {
  ReportSubmissionEntity,
  SubmissionHistoryAction,
  SubmissionHistoryEntity,
} from './report-submission.entity';
import { ReportTemplateEntity, ReportTemplateVersionEntity } from './report-template.entity';
import { ReportingErrors } from './reporting.errors';

/** A submission row with what every answer about it needs. */
export interface LoadedSubmission {
  row: ReportSubmissionEntity;
  locked: boolean;
  version: ReportTemplateVersionEntity;
  templateCode: string;
  unit: { id: string; code: string; name: string; kind: UnitKind };
}

/**
 * What the submission services share: loading a submission (locked for a write), the template
 * versions (immutable, so cached by id on every instance), the access rule of a unit reporter,
 * the state machine with the period's lock, the history rows and the mapping to responses.
 */
@Injectable()
export class SubmissionStore {
  private readonly versionCache = new Map<string, ReportTemplateVersionEntity>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** Runs `work` in the caller's transaction, or in a new one. */
  run<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /**
   * The submission with its version, unit and lock; with `forUpdate`, its row is locked until
   * the transaction ends. 404 when there is none, 403 for another unit's reporter. With
   * `readLock` false the period's lock is not read (`locked` is false): for a caller that checks
   * it in its own write (ReportSubmissionsService.saveValues) or reads it with `periodLocked`.
   */
  async load(
    manager: EntityManager,
    actor: ReportActor,
    id: string,
    forUpdate = false,
    readLock = true,
  ): Promise<LoadedSubmission> {
    // A plain read takes the period's lock in the same statement (one round trip); a read for
    // update reads it after the row lock, in a statement of its own, so that a lock committed
    // while this transaction waited for the row is seen.
    const joinLock = readLock && !forUpdate;
    const [raw]: SubmissionRow[] = await manager.query(
      `SELECT s.*, t.code AS template_code, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind
              ${joinLock ? ', p.locked_at IS NOT NULL AS period_locked' : ''}
         FROM report_submissions s
         JOIN report_templates t ON t.id = s.template_id
         JOIN units u ON u.id = s.unit_id
         ${joinLock ? 'LEFT JOIN report_periods p ON p.template_id = s.template_id AND p.period_key = s.period_key' : ''}
        WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
      [id],
    );
    if (!raw) throw ReportingErrors.submissionNotFound();
    this.checkUnit(actor, raw.unit_id);
    const locked = joinLock
      ? raw.period_locked === true
      : readLock
        ? await this.periodLocked(manager, raw.template_id, raw.period_key)
        : false;
    return {
      row: toEntity(raw),
      locked,
      version: await this.version(manager, raw.template_version_id),
      templateCode: raw.template_code,
      unit: { id: raw.unit_id, code: raw.unit_code, name: raw.unit_name, kind: raw.unit_kind },
    };
  }

  /** Whether staff locked the period (read in a statement of its own, after any row lock). */
  async periodLocked(
    manager: EntityManager,
    templateId: string,
    periodKey: string,
  ): Promise<boolean> {
    const [lock]: { locked: boolean }[] = await manager.query(
      `SELECT locked_at IS NOT NULL AS locked FROM report_periods WHERE template_id = $1 AND period_key = $2`,
      [templateId, periodKey],
    );
    return lock?.locked ?? false;
  }

  /** A unit reporter reaches only its own unit's reports. */
  checkUnit(actor: ReportActor, unitId: string): void {
    if (actor.user.role === Role.UnitReporter && actor.user.unitId !== unitId)
      throw ReportingErrors.notYourUnit();
  }

  async version(manager: EntityManager, id: string): Promise<ReportTemplateVersionEntity> {
    const cached = this.versionCache.get(id);
    if (cached) return cached;
    const found = await manager.findOneOrFail(ReportTemplateVersionEntity, { where: { id } });
    this.versionCache.set(id, found);
    return found;
  }

  async versionsById(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, ReportTemplateVersionEntity>> {
    const missing = [...new Set(ids)].filter((id) => !this.versionCache.has(id));
    if (missing.length > 0) {
      const found = await manager.find(ReportTemplateVersionEntity, { where: { id: In(missing) } });
      for (const v of found) this.versionCache.set(v.id, v);
    }
    return new Map(ids.map((id) => [id, this.versionCache.get(id)!]));
  }

  /** The state after `action`, or 409 (`report_period_locked`, `report_action_not_allowed`). */
  transition(loaded: LoadedSubmission, action: SubmissionAction, now: Date): SubmissionState {
    const result = applySubmissionAction(stateOf(loaded), action, now);
    if (result.ok) return result.state;
    if (result.reason === 'locked') throw ReportingErrors.periodLocked(loaded.row.periodKey);
    if (result.reason === 'comment_required')
      throw ReportingErrors.invalid([{ field: 'comment', message: result.message }]);
    throw ReportingErrors.actionRefused(result.message);
  }

  async history(
    manager: EntityManager,
    actor: ReportActor | null,
    row: ReportSubmissionEntity,
    action: SubmissionHistoryAction,
    at: Date,
    extra: { changes?: SubmissionHistoryEntity['changes']; comment?: string | null } = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO report_submission_history
         (submission_id, action, actor_id, channel, changes, comment, status_after, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.id,
        action,
        actor?.user.id ?? null,
        actor?.channel ?? 'api',
        JSON.stringify(extra.changes ?? {}),
        extra.comment ?? null,
        row.status,
        row.version,
        at,
      ],
    );
  }

  /** The whole answer about one submission, for `actor` (its allowed actions). */
  async response(
    manager: EntityManager,
    actor: ReportActor,
    id: string,
    now: Date,
  ): Promise<ReportSubmissionResponse> {
    return this.responseOf(manager, actor, await this.load(manager, actor, id), now);
  }

  /** The answer about a submission already loaded (and changed in memory by the caller). */
  async responseOf(
    manager: EntityManager,
    actor: ReportActor,
    loaded: LoadedSubmission,
    now: Date,
  ): Promise<ReportSubmissionResponse> {
    const entries: HistoryRow[] = await manager.query(
      `SELECT h.id, h.action, h.actor_id, u.full_name, h.channel, h.changes, h.comment,
              h.status_after, h.version, h.created_at
         FROM report_submission_history h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.submission_id = $1 ORDER BY h.version, h.created_at`,
      [loaded.row.id],
    );
    return {
      ...this.responseWithoutHistory(actor, loaded, now),
      history: entries.map(toHistoryEntry),
    };
  }

  /** The answer about a submission already loaded, without its history (no database read). */
  responseWithoutHistory(
    actor: ReportActor,
    loaded: LoadedSubmission,
    now: Date,
  ): Omit<ReportSubmissionResponse, 'history'> {
    const id = loaded.row.id;
    const definition = loaded.version.definition;
    // Locking is done on the period (administrators), not on one report.
    const mayAct = (type: string) =>
      type === 'lock'
        ? false
        : type === 'accept' || type === 'return'
          ? actor.user.role === Role.Admin || actor.user.role === Role.Coordinator
          : actor.user.role === Role.Admin || actor.user.role === Role.UnitReporter;
    return {
      ...toSummary(loaded, definition, now),
      id,
      values: loaded.row.values,
      returnComment: loaded.row.returnComment,
      allowedActions: allowedSubmissionActions(stateOf(loaded)).filter(mayAct),
      missingRequired: unansweredFields(definition, loaded.row.values, { requiredOnly: true }).map(
        (f) => f.key,
      ),
      definition,
    };
  }

  async template(manager: EntityManager, id: string): Promise<ReportTemplateEntity> {
    const found = await manager.findOne(ReportTemplateEntity, { where: { id } });
    if (!found) throw ReportingErrors.templateNotFound();
    return found;
  }
}

/** A submission's status as the state machine sees it. */
export function stateOf(loaded: Pick<LoadedSubmission, 'row' | 'locked'>): SubmissionState {
  return {
    status: loaded.row.status,
    locked: loaded.locked,
    firstSubmittedAt: loaded.row.firstSubmittedAt,
    submittedAt: loaded.row.submittedAt,
    returnComment: loaded.row.returnComment,
  };
}

export function toSummary(
  loaded: LoadedSubmission,
  definition: ReportTemplateDefinition,
  now: Date,
): ReportSubmissionSummaryResponse {
  const { row } = loaded;
  return {
    id: row.id,
    template: { id: row.templateId, code: loaded.templateCode, title: definition.title },
    templateVersion: loaded.version.version,
    unit: loaded.unit,
    periodKey: row.periodKey,
    periodLabel: periodByKey(definition.schedule, row.periodKey)?.label ?? row.periodKey,
    dueDate: periodByKey(definition.schedule, row.periodKey)?.dueDate ?? '',
    status: row.status,
    locked: loaded.locked,
    timeliness: submissionTimeliness(row, row.dueAt, now),
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    version: row.version,
    answeredCount: row.answeredCount,
    fieldCount: templateFields(definition).length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface HistoryRow {
  id: string;
  action: SubmissionHistoryEntry['action'];
  actor_id: string | null;
  full_name: string | null;
  channel: SubmissionHistoryEntry['channel'];
  changes: SubmissionHistoryEntry['changes'];
  comment: string | null;
  status_after: SubmissionStatus;
  version: number;
  created_at: Date;
}

function toHistoryEntry(entry: HistoryRow): SubmissionHistoryEntry {
  return {
    id: entry.id,
    action: entry.action,
    actor: entry.actor_id ? { id: entry.actor_id, fullName: entry.full_name ?? '' } : null,
    channel: entry.channel,
    changes: entry.changes,
    comment: entry.comment,
    statusAfter: entry.status_after,
    version: entry.version,
    at: new Date(entry.created_at).toISOString(),
  };
}

interface SubmissionRow {
  id: string;
  template_id: string;
  template_version_id: string;
  unit_id: string;
  period_key: string;
  due_at: Date;
  status: ReportSubmissionEntity['status'];
  values: ReportSubmissionEntity['values'];
  field_versions: Record<string, number>;
  version: number;
  answered_count: number;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  return_comment: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
  template_code: string;
  unit_code: string;
  unit_name: string;
  unit_kind: UnitKind;
  period_locked?: boolean;
}

function toEntity(raw: SubmissionRow): ReportSubmissionEntity {
  return Object.assign(new ReportSubmissionEntity(), {
    id: raw.id,
    templateId: raw.template_id,
    templateVersionId: raw.template_version_id,
    unitId: raw.unit_id,
    periodKey: raw.period_key,
    dueAt: new Date(raw.due_at),
    status: raw.status,
    values: raw.values ?? {},
    fieldVersions: raw.field_versions ?? {},
    version: raw.version,
    answeredCount: raw.answered_count,
    firstSubmittedAt: raw.first_submitted_at ? new Date(raw.first_submitted_at) : null,
    submittedAt: raw.submitted_at ? new Date(raw.submitted_at) : null,
    returnComment: raw.return_comment,
    updatedBy: raw.updated_by,
    createdAt: new Date(raw.created_at),
    updatedAt: new Date(raw.updated_at),
  });
}
