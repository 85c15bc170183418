import { Injectable } from '@nestjs/common';
import {
  Channel,
  ErrorCode,
  errorMessagesVi,
  FieldValue,
  LinkRefusal,
  OwedReportView,
  ReportDraftConflict,
  ReportDraftView,
  ReportSubmissionResponse,
  ReportSubmissionSummaryResponse,
} from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { LinkCodesService } from '../linked-accounts/link-codes.service';
import {
  LinkedAccountsService,
  type LinkedChatAccount,
} from '../linked-accounts/linked-accounts.service';
import { chatActor } from '../reporting/report-actor';
import { ReportSubmissionsService } from '../reporting/report-submissions.service';
import { SubmissionQueriesService } from '../reporting/submission-queries.service';
import type { LoadedSubmission } from '../reporting/submission-store';
import type {
  DraftRefusal,
  LinkedAccount,
  LinkOutcome,
  ReportDrafts,
  UnitAccounts,
} from './unit-ports';

/**
 * The bot's ports onto the reporting module: linked chat accounts (LinkedAccountsService,
 * LinkCodesService) and the unit's reports (ReportSubmissionsService, SubmissionQueriesService),
 * each call inside the conversation batch's transaction. A chat account is found by the
 * conversation's chat id (on Telegram and Zalo, the person's id in a private chat).
 */
@Injectable()
export class ReportingUnitAccounts implements UnitAccounts {
  constructor(
    private readonly accounts: LinkedAccountsService,
    private readonly codes: LinkCodesService,
  ) {}

  async find(manager: EntityManager, channel: Channel, chatId: string) {
    const account = await this.accounts.findByChat(channel, chatId, manager);
    return account ? toLinkedAccount(account) : null;
  }

  async redeem(
    manager: EntityManager,
    code: string,
    channel: Channel,
    chatId: string,
    displayName: string | undefined,
  ): Promise<LinkOutcome> {
    const outcome = await this.codes.redeem(
      { channel, chatId, text: code, ...(displayName ? { displayName } : {}) },
      manager,
    );
    if (outcome.ok) return { ok: true, account: toLinkedAccount(outcome.account) };
    return { ok: false, reason: LINK_REFUSALS[outcome.code] };
  }

  async unlink(manager: EntityManager, channel: Channel, chatId: string): Promise<boolean> {
    return (await this.accounts.unlinkChat(channel, chatId, manager)) !== null;
  }
}

const LINK_REFUSALS: Record<string, LinkRefusal> = {
  [ErrorCode.LinkCodeNotFound]: 'unknown',
  [ErrorCode.LinkCodeExpired]: 'expired',
  [ErrorCode.LinkCodeUsed]: 'used',
  [ErrorCode.LinkCodeRevoked]: 'revoked',
  [ErrorCode.LinkCodeRateLimited]: 'too_many_attempts',
  [ErrorCode.ChatAccountAlreadyLinked]: 'other_account',
};

function toLinkedAccount(account: LinkedChatAccount): LinkedAccount {
  return {
    userId: account.user.id,
    role: account.user.role,
    fullName: account.user.fullName,
    unitId: account.unit.id,
    unitName: account.unit.name,
    channel: account.channel,
    chatId: account.chatId,
    email: account.user.email,
    active: account.active,
  };
}

/**
 * A report is named in the bot's buttons by its submission id, or, before anyone opened it, by
 * `templateId/periodKey` (opening it makes the draft).
 */
const NOT_STARTED = /^([0-9a-f-]{36})\/([0-9A-Za-z-]{1,20})$/i;

@Injectable()
export class ReportingDrafts implements ReportDrafts {
  /**
   * The rows `open` read, by transaction and submission: an answer saved next in the same
   * transaction is written on that row in one statement (ReportSubmissionsService.saveValues
   * with `snapshot`), instead of reading it again. Gone with the transaction's manager.
   */
  private readonly snapshots = new WeakMap<EntityManager, Map<string, LoadedSubmission>>();

  constructor(
    private readonly submissions: ReportSubmissionsService,
    private readonly queries: SubmissionQueriesService,
  ) {}

  async owed(manager: EntityManager, account: LinkedAccount): Promise<OwedReportView[]> {
    const owed = await this.queries.owedReports(actorOf(account), manager);
    return owed.map(toOwedView);
  }

  async open(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
  ): Promise<ReportDraftView | null> {
    const actor = actorOf(account);
    try {
      const notStarted = NOT_STARTED.exec(ref);
      if (notStarted) {
        const response = await this.submissions.open(
          actor,
          { templateId: notStarted[1], periodKey: notStarted[2] },
          manager,
        );
        return toDraftView(response);
      }
      const { response, snapshot } = await this.submissions.getDraft(actor, ref, manager);
      this.keep(manager, snapshot);
      return toDraftView(response);
    } catch (error) {
      // Not the unit's, gone, not owed, or locked before it was opened: "no longer in the list".
      if (error instanceof AppError && error.status < 500) return null;
      throw error;
    }
  }

  async saveAnswer(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    field: string,
    value: FieldValue | null,
    expectedVersion: number,
  ) {
    return this.saveAnswers(manager, account, ref, { [field]: value }, expectedVersion);
  }

  async saveAnswers(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    values: Record<string, FieldValue | null>,
    expectedVersion: number,
  ) {
    try {
      const snapshot = this.snapshots.get(manager)?.get(ref);
      const response = await this.submissions.saveValues(
        actorOf(account),
        ref,
        { version: expectedVersion, values },
        manager,
        snapshot ? { snapshot } : {},
      );
      // The snapshot was used (and updated) or is out of date: not used again.
      this.snapshots.get(manager)?.delete(ref);
      return { ok: true as const, view: toDraftView(response) };
    } catch (error) {
      return { ok: false as const, ...(await this.refusal(manager, account, ref, error)) };
    }
  }

  async submit(manager: EntityManager, account: LinkedAccount, ref: string) {
    try {
      const response = await this.submissions.submit(actorOf(account), ref, {}, manager);
      return { ok: true as const, late: response.timeliness === 'late' };
    } catch (error) {
      return { ok: false as const, ...(await this.refusal(manager, account, ref, error)) };
    }
  }

  private keep(manager: EntityManager, snapshot: LoadedSubmission): void {
    const kept = this.snapshots.get(manager) ?? new Map<string, LoadedSubmission>();
    kept.set(snapshot.row.id, snapshot);
    this.snapshots.set(manager, kept);
  }

  /** A refusal the person can read: the current draft when another officer saved first. */
  private async refusal(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    error: unknown,
  ): Promise<DraftRefusal> {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    if (error.code === ErrorCode.ReportDraftStale) {
      const view = await this.open(manager, account, ref);
      if (view) return { reason: 'stale', view, conflict: error.details as ReportDraftConflict };
    }
    const message =
      error.code === ErrorCode.ValidationFailed
        ? error.message
        : (errorMessagesVi[error.code] ?? error.message);
    return { reason: 'refused', message };
  }
}

function actorOf(account: LinkedAccount) {
  return chatActor({
    user: {
      id: account.userId,
      fullName: account.fullName,
      email: account.email,
      role: account.role,
      unitId: account.unitId,
    },
    unit: { id: account.unitId, name: account.unitName },
    channel: account.channel,
  } as LinkedChatAccount);
}

function toOwedView(summary: ReportSubmissionSummaryResponse): OwedReportView {
  return {
    ref: summary.id ?? `${summary.template.id}/${summary.periodKey}`,
    title: summary.template.title,
    periodLabel: summary.periodLabel,
    dueOn: summary.dueDate,
    status: summary.status,
    timeliness: summary.timeliness,
    locked: summary.locked,
  };
}

function toDraftView(response: Omit<ReportSubmissionResponse, 'history'>): ReportDraftView {
  return {
    ...toOwedView(response),
    ref: response.id,
    template: response.definition,
    values: response.values,
    version: response.version,
    returnComment: response.returnComment,
  };
}
