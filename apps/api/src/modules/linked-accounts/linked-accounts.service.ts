import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Channel,
  LinkedAccountResponse,
  Role,
  UnitKind,
  UnitMemberResponse,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import { AuditService } from '../audit/audit.service';
import { LinkedAccountEntity } from './linked-account.entity';
import { LinkErrors } from './linked-accounts.errors';

/** A channel that can link: the web chat has no lasting identity. */
export type LinkChannel = Exclude<Channel, 'web'>;

/**
 * A linked chat account as the bot's dialogs see it: the staff user and unit it reports for.
 * `active` is false when the user was deactivated, moved to another unit, or the unit deleted:
 * the account is still linked (staff see it) but must not report.
 */
export interface LinkedChatAccount {
  id: string;
  channel: LinkChannel;
  chatId: string;
  displayName: string | null;
  user: { id: string; fullName: string; email: string; role: Role; unitId: string | null };
  unit: { id: string; code: string; name: string; kind: UnitKind };
  linkedAt: Date;
  active: boolean;
}

interface AccountRow {
  id: string;
  channel: LinkChannel;
  chat_id: string;
  display_name: string | null;
  linked_at: Date;
  user_id: string;
  full_name: string;
  email: string;
  role: Role;
  user_unit_id: string | null;
  is_active: boolean;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: UnitKind;
  unit_deleted_at: Date | null;
}

const ACCOUNT_SELECT = `
  SELECT la.id, la.channel, la.chat_id, la.display_name, la.linked_at,
         us.id AS user_id, us.full_name, us.email, us.role, us.unit_id AS user_unit_id, us.is_active,
         un.id AS unit_id, un.code AS unit_code, un.name AS unit_name, un.kind AS unit_kind,
         un.deleted_at AS unit_deleted_at
    FROM linked_accounts la
    JOIN users us ON us.id = la.user_id
    JOIN units un ON un.id = la.unit_id`;

/**
 * Chat accounts linked to staff users (the link itself is made by `LinkCodesService.redeem`).
 *
 * For the bot's dialogs (`/lienket`, `/baocao`, `/capnhat`): `findByChat` tells who a chat is,
 * `unlinkChat` lets the person undo the link. Each takes an optional `manager` to run inside the
 * caller's transaction (the conversation's batch); none of them throws for a chat that is not
 * linked.
 *
 * For staff (admins, coordinators): `listForUnit` and `unlink`.
 */
@Injectable()
export class LinkedAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The account linked to this chat, or null. */
  async findByChat(
    channel: Channel,
    chatId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LinkedChatAccount | null> {
    if (channel === 'web') return null;
    const [row]: AccountRow[] = await manager.query(
      `${ACCOUNT_SELECT} WHERE la.channel = $1 AND la.chat_id = $2`,
      [channel, chatId],
    );
    return row ? toLinkedChatAccount(row) : null;
  }

  /**
   * The person undoes the link from the chat. Returns the account that was linked, or null when
   * the chat was not linked. Recorded in the audit log as the linked user's act.
   */
  async unlinkChat(
    channel: Channel,
    chatId: string,
    manager?: EntityManager,
  ): Promise<LinkedChatAccount | null> {
    const run = async (m: EntityManager) => {
      const account = await this.findByChat(channel, chatId, m);
      if (!account) return null;
      await m.delete(LinkedAccountEntity, { id: account.id });
      await this.audit.record(
        m,
        { user: account.user, ip: null },
        {
          action: 'linked_account.unlink',
          entityType: 'linked_account',
          entityId: account.id,
          before: snapshot(account),
        },
      );
      return account;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** The unit's active members, by name. */
  async membersOf(unitId: string): Promise<UnitMemberResponse[]> {
    await this.requireUnit(unitId);
    return this.dataSource.query(
      `SELECT id, full_name AS "fullName", email, role FROM users
       WHERE unit_id = $1 AND is_active ORDER BY full_name, email`,
      [unitId],
    );
  }

  /** The unit's linked accounts, newest first. */
  async listForUnit(unitId: string): Promise<LinkedAccountResponse[]> {
    await this.requireUnit(unitId);
    const rows: AccountRow[] = await this.dataSource.query(
      `${ACCOUNT_SELECT} WHERE la.unit_id = $1 ORDER BY la.linked_at DESC, la.id`,
      [unitId],
    );
    return rows.map((row) => toLinkedAccountResponse(toLinkedChatAccount(row)));
  }

  /** Staff unlink an account of the unit. */
  async unlink(actor: AuditActor, unitId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: AccountRow[] = await manager.query(
        `${ACCOUNT_SELECT} WHERE la.id = $1 AND la.unit_id = $2 FOR UPDATE OF la`,
        [id, unitId],
      );
      if (!row) throw LinkErrors.accountNotFound();
      await manager.delete(LinkedAccountEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'linked_account.unlink',
        entityType: 'linked_account',
        entityId: id,
        before: snapshot(toLinkedChatAccount(row)),
      });
    });
  }

  async requireUnit(unitId: string, manager: EntityManager = this.dataSource.manager) {
    const [unit]: { id: string }[] = await manager.query(
      `SELECT id FROM units WHERE id = $1 AND deleted_at IS NULL`,
      [unitId],
    );
    if (!unit) throw LinkErrors.unitNotFound();
  }
}

function toLinkedChatAccount(row: AccountRow): LinkedChatAccount {
  return {
    id: row.id,
    channel: row.channel,
    chatId: row.chat_id,
    displayName: row.display_name,
    user: {
      id: row.user_id,
      fullName: row.full_name,
      email: row.email,
      role: row.role,
      unitId: row.user_unit_id,
    },
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    linkedAt: new Date(row.linked_at),
    active: row.is_active && row.user_unit_id === row.unit_id && !row.unit_deleted_at,
  };
}

export function toLinkedAccountResponse(account: LinkedChatAccount): LinkedAccountResponse {
  return {
    id: account.id,
    channel: account.channel,
    chatId: account.chatId,
    displayName: account.displayName,
    user: { id: account.user.id, fullName: account.user.fullName, email: account.user.email },
    unit: { id: account.unit.id, code: account.unit.code, name: account.unit.name },
    linkedAt: account.linkedAt.toISOString(),
  };
}

function snapshot(account: LinkedChatAccount) {
  return {
    channel: account.channel,
    chatId: account.chatId,
    userId: account.user.id,
    unitId: account.unit.id,
  };
}
