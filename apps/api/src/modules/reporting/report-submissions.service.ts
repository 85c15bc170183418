import { Injectable } from '@nestjs/common';
import {
  checkReport,
  FieldError,
  findField,
  FieldValue,
  ReportDraftConflict,
  ReportSubmissionResponse,
  ReportValues,
  Role,
  templateFields,
  UnitKind,
  validateValue,
} from '@gcm/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import type { ReportActor } from './report-actor';
import { ReportTemplatesService } from './report-templates.service';
import { ReportingErrors } from './reporting.errors';
import type { ReportSubmissionEntity } from './report-submission.entity';
import { LoadedSubmission, SubmissionStore } from './submission-store';

export interface OpenSubmissionInput {
  templateId: string;
  /** Default: the actor's unit. */
  unitId?: string;
  /** Default: the period the unit reports on now. */
  periodKey?: string;
}

export interface SaveValuesInput {
  /** The draft version the values were entered against. */
  version: number;
  /** Answers by field key, structured (`validateValue`); null clears an optional answer. */
  values: Record<string, unknown>;
}

export interface SubmitInput {
  version?: number;
  values?: Record<string, unknown>;
}

/**
 * The unit's side of a report (issue 11, "Submitting"): open the draft of a period, save
 * answers, submit, correct after submitting. Used by the console through HTTP and by the bot's
 * `/baocao` dialog directly, with the actor of a linked chat account (`chatActor`).
 *
 * Every method takes an optional `manager` to run inside the caller's transaction. Refusals are
 * AppErrors with codes from @gcm/domain, thrown before anything is written, except `submit`
 * with `values`, which saves the valid values first (kept when submitting is refused).
 *
 * Concurrent edits: each save names the draft `version` it was made against; a field another
 * person changed after that version is refused with 409 `report_draft_stale` and the current
 * value in `details` (ReportDraftConflict), and nothing of that save is written. Fields nobody
 * else touched are saved, so two members filling different fields never block each other.
 */
@Injectable()
export class ReportSubmissionsService {
  constructor(
    private readonly store: SubmissionStore,
    private readonly templates: ReportTemplatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The unit's report for the period, created as an empty draft the first time. */
  async open(
    actor: ReportActor,
    input: OpenSubmissionInput,
    manager?: EntityManager,
  ): Promise<ReportSubmissionResponse> {
    const now = this.clock.now();
    return this.store.run(manager, async (m) => {
      const unitId = input.unitId ?? actor.user.unitId;
      if (!unitId)
        throw ReportingErrors.invalid([
          { field: 'unitId', message: 'is required for a user without a unit' },
        ]);
      this.store.checkUnit(actor, unitId);
      await this.store.template(m, input.templateId);
      const [unit]: { kind: UnitKind; name: string }[] = await m.query(
        `SELECT kind, name FROM units WHERE id = $1 AND deleted_at IS NULL`,
        [unitId],
      );
      if (!unit) throw ReportingErrors.invalid([{ field: 'unitId', message: 'names no unit' }]);
      const versions = await this.templates.versions(m, input.templateId);
      const resolved = input.periodKey
        ? this.templates.resolve(versions, input.periodKey)
        : this.templates.current(versions, now);
      if (!resolved)
        throw ReportingErrors.invalid([
          {
            field: 'periodKey',
            message: input.periodKey
              ? `${input.periodKey} is not a period of this template (or before its first version)`
              : 'this template has no period open now',
          },
        ]);
      const { version, period } = resolved;
      if (period.startsAt.getTime() > now.getTime())
        throw ReportingErrors.notOwed(`The period ${period.label} has not begun yet.`);
      if (!version.definition.owedBy.includes(unit.kind))
        throw ReportingErrors.notOwed(
          `${unit.name} does not owe the report “${version.definition.title}”.`,
        );
      const [existing]: { id: string }[] = await m.query(
        `SELECT id FROM report_submissions WHERE template_id = $1 AND period_key = $2 AND unit_id = $3`,
        [input.templateId, period.key, unitId],
      );
      if (existing) return this.store.response(m, actor, existing.id, now);
      const [lock]: { locked: boolean }[] = await m.query(
        `SELECT locked_at IS NOT NULL AS locked FROM report_periods WHERE template_id = $1 AND period_key = $2`,
        [input.templateId, period.key],
      );
      if (lock?.locked) throw ReportingErrors.periodLocked(period.key);
      // ON CONFLICT: another member opened it at the same moment; theirs is the draft.
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO report_submissions
           (template_id, template_version_id, unit_id, period_key, due_at, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT ON CONSTRAINT report_submissions_unit_period_key DO NOTHING RETURNING id`,
        [input.templateId, version.id, unitId, period.key, period.dueAt, actor.user.id, now],
      );
      const [row]: { id: string }[] = inserted.length
        ? inserted
        : await m.query(
            `SELECT id FROM report_submissions WHERE template_id = $1 AND period_key = $2 AND unit_id = $3`,
            [input.templateId, period.key, unitId],
          );
      if (inserted.length) {
        const loaded = await this.store.load(m, actor, row.id);
        await this.store.history(m, actor, loaded.row, 'open', now);
      }
      return this.store.response(m, actor, row.id, now);
    });
  }

  async get(
    actor: ReportActor,
    id: string,
    manager?: EntityManager,
  ): Promise<ReportSubmissionResponse> {
    const run = (m: EntityManager) => this.store.response(m, actor, id, this.clock.now());
    return manager ? run(manager) : run(this.store.dataSource.manager);
  }

  /**
   * The report without its history, in one database read (the period's lock joined), and the
   * row as read: the bot reads the draft this way before each answer, and hands `snapshot` to
   * `saveValues` in the same transaction so that the save needs no read of its own.
   */
  async getDraft(
    actor: ReportActor,
    id: string,
    manager: EntityManager,
  ): Promise<{ response: SavedSubmissionResponse; snapshot: LoadedSubmission }> {
    const snapshot = await this.store.load(manager, actor, id);
    return {
      response: this.store.responseWithoutHistory(actor, snapshot, this.clock.now()),
      snapshot,
    };
  }

  /**
   * Saves answers to a draft (a returned report stays returned), or corrects a submitted report
   * (then the whole report must still pass the submission checks). 400 naming each invalid field
   * (nothing saved), 409 `report_draft_stale`, `report_period_locked` or
   * `report_action_not_allowed` (an accepted report).
   *
   * Answers the report without its history (one database read less on every answer the bot
   * saves); with `{ history: true }` (the console's PUT), with it. A save that changes something
   * is two statements: the row read and locked, then one that updates it unless the period is
   * locked and writes the history entry (`write`); the lock is read on its own only when
   * nothing is written (refusal, no change) or the write found the period locked.
   *
   * With `snapshot` (the row as `getDraft` read it earlier in the same transaction), a save
   * that changes something is one statement: planned on the snapshot and written only if the
   * row still has the snapshot's version (every write bumps it) and the period is not locked.
   * When it has moved on, or the snapshot's save would be refused, the save goes the usual way.
   */
  saveValues(
    actor: ReportActor,
    id: string,
    input: SaveValuesInput,
    manager?: EntityManager,
    options?: { snapshot?: LoadedSubmission },
  ): Promise<SavedSubmissionResponse>;
  saveValues(
    actor: ReportActor,
    id: string,
    input: SaveValuesInput,
    manager: EntityManager | undefined,
    options: { history: true },
  ): Promise<ReportSubmissionResponse>;
  async saveValues(
    actor: ReportActor,
    id: string,
    input: SaveValuesInput,
    manager?: EntityManager,
    options: { history?: boolean; snapshot?: LoadedSubmission } = {},
  ): Promise<SavedSubmissionResponse | ReportSubmissionResponse> {
    const now = this.clock.now();
    return this.store.run(manager, async (m) => {
      requireFiller(actor);
      const fast =
        options.snapshot?.row.id === id && !options.history
          ? await this.writeOnSnapshot(m, actor, options.snapshot, input, now)
          : null;
      if (fast) return this.store.responseWithoutHistory(actor, fast, now);
      const loaded = await this.store.load(m, actor, id, true, false);
      const save = await this.prepare(m, loaded, input, now);
      if (save) await this.write(m, actor, loaded, save, now);
      return options.history
        ? this.store.responseOf(m, actor, loaded, now)
        : this.store.responseWithoutHistory(actor, loaded, now);
    });
  }

  /**
   * Submits the report. With `values`, saves them first (with `version`); then every required
   * field must be answered and every rule hold, else 400 naming the fields (a broken rule names
   * each of its fields) and the report stays a draft with its values.
   */
  async submit(
    actor: ReportActor,
    id: string,
    input: SubmitInput = {},
    manager?: EntityManager,
  ): Promise<ReportSubmissionResponse> {
    requireFiller(actor);
    if (input.values && Object.keys(input.values).length > 0) {
      if (input.version === undefined)
        throw ReportingErrors.invalid([{ field: 'version', message: 'is required with values' }]);
      await this.saveValues(actor, id, { version: input.version, values: input.values }, manager);
    }
    const now = this.clock.now();
    return this.store.run(manager, async (m) => {
      const loaded = await this.store.load(m, actor, id, true);
      const next = this.store.transition(loaded, { type: 'submit' }, now);
      const check = checkReport(loaded.version.definition, loaded.row.values, 'submit');
      if (check.problems.length > 0) throw ReportingErrors.invalidValues(check.problems);
      const row = loaded.row;
      Object.assign(row, {
        status: next.status,
        firstSubmittedAt: next.firstSubmittedAt,
        submittedAt: next.submittedAt,
        returnComment: next.returnComment,
        version: row.version + 1,
      });
      await m.query(
        `UPDATE report_submissions SET status = $2, first_submitted_at = $3, submitted_at = $4,
           return_comment = NULL, version = $5, updated_by = $6, updated_at = $7 WHERE id = $1`,
        [id, row.status, row.firstSubmittedAt, row.submittedAt, row.version, actor.user.id, now],
      );
      await this.store.history(m, actor, row, 'submit', now);
      return this.store.response(m, actor, id, now);
    });
  }

  /**
   * A save planned on a row read earlier in this transaction, written in one statement if the
   * row is still at that version: the row after it, or null when nothing was written (no
   * change, a refusal, a stale field, a locked period, or the row moved on).
   */
  private async writeOnSnapshot(
    m: EntityManager,
    actor: ReportActor,
    snapshot: LoadedSubmission,
    input: SaveValuesInput,
    now: Date,
  ): Promise<LoadedSubmission | null> {
    if (snapshot.locked) return null;
    const loaded: LoadedSubmission = {
      ...snapshot,
      row: Object.assign(Object.create(Object.getPrototypeOf(snapshot.row)), snapshot.row),
    };
    let plan: PlannedSave;
    try {
      plan = planSave(this.store, loaded, input, now);
    } catch {
      return null;
    }
    if (plan.stale.length > 0 || plan.changed.length === 0) return null;
    const written = await this.write(m, actor, loaded, plan, now, snapshot.row.version);
    return written ? loaded : null;
  }

  /**
   * The save to write, or null when it changes nothing; throws the refusal otherwise. `loaded`
   * comes without the period's lock: a save that would be written leaves the lock to `write`;
   * any other outcome reads the lock first and is decided with it, as if read at load.
   */
  private async prepare(
    m: EntityManager,
    loaded: LoadedSubmission,
    input: SaveValuesInput,
    now: Date,
  ): Promise<PlannedSave | null> {
    let plan: PlannedSave | undefined;
    try {
      plan = planSave(this.store, loaded, input, now);
    } catch {
      // A refusal: decided again below, knowing the lock (a locked period comes first).
    }
    if (plan && plan.stale.length === 0 && plan.changed.length > 0) return plan;
    const { row } = loaded;
    loaded.locked = await this.store.periodLocked(m, row.templateId, row.periodKey);
    plan = planSave(this.store, loaded, input, now);
    if (plan.stale.length > 0)
      throw ReportingErrors.stale(await this.conflict(m, loaded, plan.stale));
    return plan.changed.length > 0 ? plan : null;
  }

  /**
   * Applies and records one save in one statement: the update, unless the period is locked
   * (checked in the statement, after the row lock, so a lock committed meanwhile is seen), and
   * the history entry fed by the updated row. Nothing updated: the period was locked.
   */
  private async write(
    m: EntityManager,
    actor: ReportActor,
    loaded: LoadedSubmission,
    save: PlannedSave,
    now: Date,
    /** Only if the row is still at this version; else nothing is written (false). */
    expectedVersion?: number,
  ): Promise<boolean> {
    const { row } = loaded;
    const guarded = expectedVersion !== undefined;
    const written: { id: string }[] = await m.query(
      `WITH saved AS (
         UPDATE report_submissions s SET values = $2, field_versions = $3, version = $4,
                status = $5, submitted_at = $6, answered_count = $7, updated_by = $8, updated_at = $9
          WHERE s.id = $1 ${guarded ? 'AND s.version = $13' : ''} AND NOT EXISTS (
                SELECT 1 FROM report_periods p
                 WHERE p.template_id = s.template_id AND p.period_key = s.period_key
                   AND p.locked_at IS NOT NULL)
          RETURNING s.id, s.status, s.version)
       INSERT INTO report_submission_history
         (submission_id, action, actor_id, channel, changes, comment, status_after, version, created_at)
       SELECT saved.id, $10::varchar, $8, $11::varchar, $12::jsonb, NULL, saved.status, saved.version, $9
         FROM saved
       RETURNING id`,
      [
        row.id,
        JSON.stringify(save.values),
        JSON.stringify(save.fieldVersions),
        save.version,
        save.status,
        save.submittedAt,
        save.answeredCount,
        actor.user.id,
        now,
        save.action,
        actor.channel,
        JSON.stringify(save.changes),
        ...(guarded ? [expectedVersion] : []),
      ],
    );
    if (written.length === 0 && guarded) return false;
    if (written.length === 0) {
      // The row is locked by this transaction: the period's lock stopped the update.
      if (await this.store.periodLocked(m, row.templateId, row.periodKey))
        throw ReportingErrors.periodLocked(row.periodKey);
      throw ReportingErrors.submissionNotFound();
    }
    if (save.action === 'correct') {
      // A submitted report changed (console or bot): in the audit log too, before and after.
      const pick = (side: 'before' | 'after') =>
        Object.fromEntries(Object.entries(save.changes).map(([k, c]) => [k, c[side]]));
      await this.audit.record(m, actor, {
        action: 'report_submission.correct',
        entityType: 'report_submission',
        entityId: row.id,
        before: { values: pick('before'), version: row.version },
        after: { values: pick('after'), version: save.version },
      });
    }
    Object.assign(row, {
      values: save.values,
      fieldVersions: save.fieldVersions,
      version: save.version,
      status: save.status,
      submittedAt: save.submittedAt,
      answeredCount: save.answeredCount,
      updatedBy: actor.user.id,
      updatedAt: now,
    });
    return true;
  }

  /** The current values of the stale fields, who last changed them and when. */
  private async conflict(
    m: EntityManager,
    loaded: LoadedSubmission,
    fields: string[],
  ): Promise<ReportDraftConflict> {
    const { row } = loaded;
    const rows: { version: number; created_at: Date; full_name: string | null }[] = await m.query(
      `SELECT h.version, h.created_at, u.full_name FROM report_submission_history h
           LEFT JOIN users u ON u.id = h.actor_id
          WHERE h.submission_id = $1 AND h.version = ANY($2)`,
      [row.id, fields.map((f) => row.fieldVersions[f])],
    );
    const byVersion = new Map(rows.map((r) => [r.version, r]));
    return {
      version: row.version,
      fields: fields.map((field) => {
        const last = byVersion.get(row.fieldVersions[field]!);
        return {
          field,
          current: row.values[field] ?? null,
          updatedAt: (last ? new Date(last.created_at) : row.updatedAt).toISOString(),
          updatedBy: last?.full_name ?? null,
        };
      }),
    };
  }
}

/** What the bot and the bench get from a save: the report without its history. */
export type SavedSubmissionResponse = Omit<ReportSubmissionResponse, 'history'>;

/** One save worked out in memory: the row after it and the history entry's changes. */
interface PlannedSave {
  action: 'save_draft' | 'correct';
  /** The fields it changes, and those of them someone else changed after `input.version`. */
  changed: string[];
  stale: string[];
  values: ReportValues;
  fieldVersions: Record<string, number>;
  version: number;
  status: ReportSubmissionEntity['status'];
  submittedAt: Date | null;
  answeredCount: number;
  changes: Record<string, { before: FieldValue | null; after: FieldValue | null }>;
}

/**
 * Validates a save against the loaded row (nothing read, nothing changed): the refusals in
 * their order (the state machine with `loaded.locked`, the version, invalid values; a correction
 * that breaks the submission checks), else the save with its stale fields.
 */
function planSave(
  store: SubmissionStore,
  loaded: LoadedSubmission,
  input: SaveValuesInput,
  now: Date,
): PlannedSave {
  const { row } = loaded;
  const definition = loaded.version.definition;
  const action = row.status === 'submitted' ? 'correct' : 'save_draft';
  const next = store.transition(loaded, { type: action }, now);
  if (input.version > row.version)
    throw ReportingErrors.invalid([
      { field: 'version', message: `is ahead of the draft's version ${row.version}` },
    ]);

  const problems: FieldError[] = [];
  const clean: ReportValues = {};
  for (const [key, value] of Object.entries(input.values)) {
    const field = findField(definition, key);
    if (!field) {
      problems.push({ field: `values.${key}`, message: `${key} is not a field of this report` });
      continue;
    }
    const result = validateValue({ ...field, required: false }, value);
    if (result.ok) clean[key] = result.value;
    else problems.push({ field: `values.${key}`, message: `${field.label}: ${result.message}` });
  }
  if (problems.length > 0) throw ReportingErrors.invalid(problems);

  const changed = Object.keys(clean).filter((key) => !same(row.values[key], clean[key]));
  const stale = changed.filter((key) => (row.fieldVersions[key] ?? 0) > input.version);
  const version = row.version + 1;
  const values: ReportValues = { ...row.values };
  const fieldVersions = { ...row.fieldVersions };
  const changes: PlannedSave['changes'] = {};
  for (const key of changed) {
    changes[key] = { before: row.values[key] ?? null, after: clean[key] ?? null };
    values[key] = clean[key];
    fieldVersions[key] = version;
  }
  if (stale.length === 0 && changed.length > 0 && action === 'correct') {
    const check = checkReport(definition, values, 'submit');
    if (check.problems.length > 0) throw ReportingErrors.invalidValues(check.problems);
  }
  const answeredCount = templateFields(definition).filter(
    (f) => values[f.key] !== null && values[f.key] !== undefined,
  ).length;
  return {
    action,
    changed,
    stale,
    values,
    fieldVersions,
    version,
    status: next.status as ReportSubmissionEntity['status'],
    submittedAt: next.submittedAt,
    answeredCount,
    changes,
  };
}

function requireFiller(actor: ReportActor): void {
  if (actor.user.role !== Role.Admin && actor.user.role !== Role.UnitReporter)
    throw ReportingErrors.notYourUnit();
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
