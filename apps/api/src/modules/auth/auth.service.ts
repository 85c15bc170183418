import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { passwordProblem } from '@gcm/domain/password-strength';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import type { Actor } from '../../common/decorators/access.decorators';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { AuthErrors } from './auth.errors';
import type { AuthUser } from './auth-user';
import { LoginAttempts } from './login-attempts';
import { dummyHash, generateSessionToken, hashPassword, verifyPassword } from './password';
import { SessionEntity } from './session.entity';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  user: UserEntity;
  token: string;
  expiresAt: Date;
}

/** How often a session's last-seen time is written (not on every request). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectEnv() private readonly env: Env,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttempts,
  ) {}

  /** Signs in; LoginThrottlerGuard has counted the attempt, which is given back on success. */
  async login(email: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !ok) throw AuthErrors.invalidCredentials();
    if (!user.isActive) throw AuthErrors.accountDisabled();

    const token = generateSessionToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.env.SESSION_TTL_HOURS * 3_600_000);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SessionEntity, {
        userId: user.id,
        tokenHash: hashToken(token),
        lastSeenAt: now,
        expiresAt,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        ip: client.ip,
      });
      await manager.update(UserEntity, user.id, { lastLoginAt: now });
      // Sessions ended more than 30 days ago have no use left: forget them as the user signs in.
      await manager.query(
        `DELETE FROM sessions WHERE user_id = $1 AND coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
        [user.id],
      );
      const actor: Actor = { user: { ...this.toAuthUser(user), sessionId: '' }, ip: client.ip };
      await this.audit.record(manager, actor, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
    });
    user.lastLoginAt = now;
    await this.attempts.succeeded(client.ip, email);
    return { user, token, expiresAt };
  }

  /** The user behind a token, or null when it is unknown, expired, revoked or the account disabled. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: hashToken(token), revokedAt: IsNull() },
    });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const user = await this.users.findOne({ where: { id: session.userId } });
    if (!user || !user.isActive) return null;
    if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.update(session.id, { lastSeenAt: new Date(now) });
    }
    return { ...this.toAuthUser(user), sessionId: session.id };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.update(user.sessionId, { revokedAt: new Date() });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (currentPassword === newPassword) throw AuthErrors.samePassword();
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.user.id })
      .getOneOrFail();
    const problem = passwordProblem(newPassword, [user.email, user.fullName]);
    if (problem) throw AuthErrors.weakPassword('newPassword', problem);
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw AuthErrors.wrongCurrentPassword();
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, user.id, { passwordHash, mustChangePassword: false });
      // Every other session of this user ends: a changed password locks out whoever else had it.
      await manager
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND id <> :current AND revoked_at IS NULL', {
          userId: user.id,
          current: actor.user.sessionId,
        })
        .execute();
      await this.audit.record(manager, actor, {
        action: 'user.change_password',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  listSessions(user: AuthUser): Promise<SessionEntity[]> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', {
        userId: user.id,
      })
      .orderBy('s.last_seen_at', 'DESC')
      .getMany();
  }

  async revokeSession(user: AuthUser, sessionId: string): Promise<void> {
    const result = await this.sessions.update(
      { id: sessionId, userId: user.id, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw AuthErrors.sessionNotFound();
  }

  private toAuthUser(user: UserEntity): Omit<AuthUser, 'sessionId'> {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      unitId: user.unitId,
      mustChangePassword: user.mustChangePassword,
    };
  }
}

/** Ends every session of a user (deactivation, password reset by an admin), inside the caller's transaction. */
export async function revokeAllSessions(manager: EntityManager, userId: string): Promise<void> {
  await manager.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
}
