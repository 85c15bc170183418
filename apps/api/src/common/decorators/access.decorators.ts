import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@gcm/domain';
import type { Request } from 'express';
import type { AuthUser } from '../../modules/auth/auth-user';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const PENDING_PASSWORD_OK_KEY = 'access:pending-password-ok';

/** No sign-in needed (login, health, public citizen endpoints). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed on a route. Every non-public route must say; the guard refuses otherwise. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Reachable while the user still has to change a one-time password. */
export const AllowPendingPasswordChange = () => SetMetadata(PENDING_PASSWORD_OK_KEY, true);

export interface RequestWithUser extends Request {
  user?: AuthUser;
}

/** The signed-in user (set by the access guard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

/** Who did it and from where, for the audit log. */
export interface Actor {
  user: AuthUser;
  ip: string | null;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<RequestWithUser>();
  if (!req.user) throw new Error('CurrentActor used on a public route');
  return { user: req.user, ip: req.ip ?? null };
});
