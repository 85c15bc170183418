import { Injectable } from '@nestjs/common';
import {
  periodByKey,
  reportTexts,
  ReportSubmissionResponse,
  returnedNoticeReplies,
  Role,
} from '@gcm/domain';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import type { ReportActor } from './report-actor';
import { notifyUnitMembers, textReply } from './report-notifications';
import { ReportingErrors } from './reporting.errors';
import { LoadedSubmission, SubmissionStore } from './submission-store';

/**
 * The office's side of a report: accept it, or return it with a comment. Either way the unit's
 * linked members are told on their chat channel through the outbox, in the same transaction; a
 * returned report reopens as a draft (status `returned`) with the comment shown first.
 */
@Injectable()
export class SubmissionReviewService {
  constructor(
    private readonly store: SubmissionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  accept(actor: ReportActor, id: string): Promise<ReportSubmissionResponse> {
    return this.review(actor, id, null);
  }

  returnForCorrection(
    actor: ReportActor,
    id: string,
    comment: string,
  ): Promise<ReportSubmissionResponse> {
    return this.review(actor, id, comment);
  }

  private async review(
    actor: ReportActor,
    id: string,
    comment: string | null,
  ): Promise<ReportSubmissionResponse> {
    if (actor.user.role !== Role.Admin && actor.user.role !== Role.Coordinator)
      throw ReportingErrors.notYourUnit();
    const now = this.clock.now();
    return this.store.run(undefined, async (m) => {
      const loaded = await this.store.load(m, actor, id, true);
      const action =
        comment === null ? ({ type: 'accept' } as const) : ({ type: 'return', comment } as const);
      const next = this.store.transition(loaded, action, now);
      const row = loaded.row;
      const before = { status: row.status, returnComment: row.returnComment };
      Object.assign(row, {
        status: next.status,
        returnComment: next.returnComment,
        version: row.version + 1,
      });
      await m.query(
        `UPDATE report_submissions SET status = $2, return_comment = $3, version = $4,
           updated_by = $5, updated_at = $6 WHERE id = $1`,
        [id, row.status, row.returnComment, row.version, actor.user.id, now],
      );
      await this.store.history(m, actor, row, action.type, now, { comment: row.returnComment });
      await this.audit.record(m, actor, {
        action: `report_submission.${action.type}`,
        entityType: 'report_submission',
        entityId: id,
        before,
        after: { status: row.status, returnComment: row.returnComment },
      });
      await this.tellUnit(m, loaded);
      return this.store.response(m, actor, id, now);
    });
  }

  private async tellUnit(m: EntityManager, loaded: LoadedSubmission): Promise<void> {
    const { row, version } = loaded;
    const title = version.definition.title;
    const label = periodByKey(version.definition.schedule, row.periodKey)?.label ?? row.periodKey;
    if (row.status === 'accepted') {
      await notifyUnitMembers(m, row.unitId, 'report_review', {
        vi: textReply(reportTexts('vi').acceptedNotice(title, label, loaded.unit.name)),
        en: textReply(reportTexts('en').acceptedNotice(title, label, loaded.unit.name)),
      });
      return;
    }
    const comment = row.returnComment ?? '';
    await notifyUnitMembers(m, row.unitId, 'correction', {
      vi: returnedNoticeReplies(row.id, title, label, loaded.unit.name, comment, 'vi'),
      en: returnedNoticeReplies(row.id, title, label, loaded.unit.name, comment, 'en'),
    });
  }
}
