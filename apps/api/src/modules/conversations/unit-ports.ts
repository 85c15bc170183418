import type {
  Channel,
  FieldValue,
  LinkedAccountView,
  LinkRefusal,
  OwedReportView,
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
  role: Role;
  unitId: string;
}

export type LinkOutcome = { ok: true; account: LinkedAccount } | { ok: false; reason: LinkRefusal };

export interface UnitAccounts {
  /** The staff user this chat account is linked to, or null. */
  find(manager: EntityManager, channel: Channel, chatUserId: string): Promise<LinkedAccount | null>;
  /** Redeems a one-time code (canonical form) for this chat account. */
  redeem(
    manager: EntityManager,
    code: string,
    channel: Channel,
    chatUserId: string,
    displayName: string | undefined,
  ): Promise<LinkOutcome>;
  /** Undoes the link; whether there was one. */
  unlink(manager: EntityManager, channel: Channel, chatUserId: string): Promise<boolean>;
}

/** Why a save or a submission was not taken. */
export type DraftRefusal =
  /** Another officer saved first: `view` holds the current values and version. */
  | { reason: 'stale'; view: ReportDraftView }
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
  /** Submits the draft at `expectedVersion`; whether it came in after the due date. */
  submit(
    manager: EntityManager,
    account: LinkedAccount,
    ref: string,
    expectedVersion: number,
  ): Promise<{ ok: true; late: boolean } | ({ ok: false } & DraftRefusal)>;
}

/** Nest tokens of the two ports; the reporting module provides them. */
export const UNIT_ACCOUNTS = Symbol('UnitAccounts');
export const REPORT_DRAFTS = Symbol('ReportDrafts');

/**
 * Until the reporting module provides the ports: no chat account is linked, every code is
 * unknown, and no report is owed.
 */
export const NO_UNIT_ACCOUNTS: UnitAccounts = {
  find: async () => null,
  redeem: async () => ({ ok: false, reason: 'unknown' }),
  unlink: async () => false,
};

export const NO_REPORT_DRAFTS: ReportDrafts = {
  owed: async () => [],
  open: async () => null,
  saveAnswer: async () => ({ ok: false, reason: 'refused', message: 'Không tìm thấy báo cáo.' }),
  submit: async () => ({ ok: false, reason: 'refused', message: 'Không tìm thấy báo cáo.' }),
};
