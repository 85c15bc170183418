import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Role } from '@gcm/domain';
import { passwordProblem } from '@gcm/domain/password-strength';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from '../auth/auth.errors';
import { revokeAllSessions } from '../auth/auth.service';
import { generateTemporaryPassword, hashPassword } from '../auth/password';
import { UnitEntity } from '../units/unit.entity';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';
import { UsersErrors } from './users.errors';

export interface CreatedUser {
  user: UserEntity;
  temporaryPassword?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  list(query: UserListQueryDto): Promise<[UserEntity[], number]> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.created_at', 'DESC');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.search) {
      qb.andWhere(`(u.email ILIKE :s OR u.full_name ILIKE :s)`, {
        s: `%${escapeLike(query.search)}%`,
      });
    }
    return qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw UsersErrors.notFound();
    return user;
  }

  countAll(): Promise<number> {
    return this.users.count();
  }

  /**
   * Creates an account; without a password, a one-time one is generated. Either way a password
   * that an administrator (the actor) set for someone else must be changed at first sign-in;
   * only the operator's own (ADMIN_PASSWORD, `cli create-admin --password`, no actor) is kept.
   */
  async create(actor: Actor | null, dto: CreateUserDto): Promise<CreatedUser> {
    if (dto.password !== undefined) {
      const problem = passwordProblem(dto.password, [dto.email, dto.fullName]);
      if (problem) throw AuthErrors.weakPassword('password', problem);
    }
    const temporaryPassword = dto.password === undefined ? generateTemporaryPassword() : undefined;
    const passwordHash = await hashPassword(dto.password ?? temporaryPassword!);
    const user = await this.dataSource.transaction(async (manager) => {
      const unitId = dto.unitId ?? null;
      await this.checkRoleAndUnit(manager, dto.role, unitId);
      await this.checkEmailFree(manager, dto.email);
      const created = await manager.save(
        manager.create(UserEntity, {
          email: dto.email,
          fullName: dto.fullName,
          role: dto.role,
          unitId,
          passwordHash,
          mustChangePassword: actor !== null || temporaryPassword !== undefined,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        after: created,
      });
      return created;
    });
    return { user, temporaryPassword };
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw UsersErrors.notFound();
      const isSelf = user.id === actor.user.id;
      if (isSelf && ((dto.role && dto.role !== user.role) || dto.isActive === false)) {
        throw UsersErrors.cannotChangeSelf();
      }
      const before = { ...user };
      const role = dto.role ?? user.role;
      const unitId = dto.unitId === undefined ? user.unitId : dto.unitId;
      await this.checkRoleAndUnit(manager, role, unitId);
      Object.assign(user, { fullName: dto.fullName ?? user.fullName, role, unitId });
      if (dto.isActive !== undefined) user.isActive = dto.isActive;
      const saved = await manager.save(user);
      if (dto.isActive === false || role !== before.role) await revokeAllSessions(manager, user.id);
      await this.audit.record(manager, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** Sets a new one-time password and ends every session of the user. */
  async resetPassword(actor: Actor, id: string): Promise<string> {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        UserEntity,
        { id },
        { passwordHash, mustChangePassword: true },
      );
      if (!result.affected) throw UsersErrors.notFound();
      await revokeAllSessions(manager, id);
      await this.audit.record(manager, actor, {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: id,
      });
    });
    return temporaryPassword;
  }

  async deactivate(actor: Actor, id: string): Promise<void> {
    await this.update(actor, id, { isActive: false });
  }

  private async checkRoleAndUnit(
    manager: EntityManager,
    role: Role,
    unitId: string | null,
  ): Promise<void> {
    if (role === Role.UnitReporter && !unitId) throw UsersErrors.unitRequired();
    if (unitId && !(await manager.exists(UnitEntity, { where: { id: unitId } }))) {
      throw UsersErrors.unitNotFound();
    }
  }

  private async checkEmailFree(manager: EntityManager, email: string): Promise<void> {
    const taken = await manager
      .createQueryBuilder(UserEntity, 'u')
      .where('lower(u.email) = lower(:email)', { email })
      .getExists();
    if (taken) throw UsersErrors.emailTaken(email);
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
