import type {
  Channel,
  FieldValue,
  LinkedAccountView,
  LinkRefusal,
  OwedReportView,
  ReportDraftConflict,
  ReportDraftView,
  Role,
} from '@gcm/domain';
import type { EntityManager } from 'typeorm';

/**
 * What the unit flows of the bot (linking, reports, task updates) need from the reporting
 * module, as two small ports. Every call runs inside the conversation batch's transaction
 * (`manager`): the embedded database has one connection, and a person's answer is saved
 * together with the conversation's new state.
 */

/** A chat account linked to a staff user of a unit. */
export interface LinkedAccount extends LinkedAccountView {
  userId: string;
  email: string;
  role: Role;
  unitId: string;
  channel: Exclude<Channel, 'web'>;
  chatId: string;
  /** False when the user was deactivated or moved, or the unit deleted: linked, not reporting. */
  active: boolean;
}

export type LinkOutcome = { ok: true; account: LinkedAccount } | { ok: false; reason: LinkRefusal };

export interface UnitAccounts {
  /** The staff user this chat is linked to, or null. */
  find(manager: EntityManager, channel: Channel, chatId: string): Promise<LinkedAccount | null>;
  /** Redeems a one-time code (canonical form) for this chat account. */
  redeem(
    manager: EntityManager,
    code: string,
    channel: Channel,
    chatId: string,
    displayName: string | undefined,
  ): Promise<LinkOutcome>;
  /** Undoes the link; whether there was one. */
  unlink(manager: EntityManager, channel: Channel, chatId: string): Promise<boolean>;
}

/** Why a save or a submission was not taken. */
export type DraftRefusal =
  /** Another officer saved first: `view` holds the current values and version. */
  | { reason: 'stale'; view: ReportDraftView; conflict?: ReportDraftConflict }
  /** Locked, not the unit's, no longer owed, or not allowed from its status. */
  | { reason: 'refused'; message: string };

export interface ReportDrafts {
  /** The reports the account's unit owes now (not started, drafts, returned, submitted…). */
  owed(manager: EntityManager, account: LinkedAccount, now: Date): Promise<OwedReportView[]>;
  /** One of them as it stands, or null when it is not the unit's (or no longer exists). */
  open(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
  ): Promise<ReportDraftView | null>;
  /** Saves one answer of the draft at `expectedVersion`. */
  saveAnswer(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    field: string,
    value: FieldValue | null,
    expectedVersion: number,
  ): Promise<{ ok: true; view: ReportDraftView } | ({ ok: false } & DraftRefusal)>;
  /**
   * Saves several answers at once at `expectedVersion`: on a submitted report, one correction
   * (the whole report checked as for a submission, each change kept with before and after).
   */
  saveAnswers(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    values: Record<string, FieldValue | null>,
    expectedVersion: number,
  ): Promise<{ ok: true; view: ReportDraftView } | ({ ok: false } & DraftRefusal)>;
  /** Submits the draft; whether it came in after the due date. */
  submit(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
  ): Promise<{ ok: true; late: boolean } | ({ ok: false } & DraftRefusal)>;
}

/** Nest tokens of the two ports (reporting-adapters.ts provides them). */
export const UNIT_ACCOUNTS = Symbol('UnitAccounts');
export const REPORT_DRAFTS = Symbol('ReportDrafts');
