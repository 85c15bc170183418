import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@gcm/domain';
import type { Response } from 'express';
import {
  PENDING_PASSWORD_OK_KEY,
  PUBLIC_KEY,
  RequestWithUser,
  ROLES_KEY,
} from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { AuthErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { isCrossSiteWrite, trustedOrigins } from './cross-origin';
import { SESSION_COOKIE } from './session-cookie';

/**
 * The global guard. Fails closed: a route is reachable only if it is marked @Public()
 * or names its roles with @Roles(); a user with a one-time password reaches only the
 * routes marked @AllowPendingPasswordChange(). A write with the session cookie must come from
 * the API's own pages or a trusted origin (cross-origin.ts). What a signed-in user gets is
 * never cached.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly trustedOrigins: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @InjectEnv() env: Env,
  ) {
    this.trustedOrigins = trustedOrigins(env);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<RequestWithUser>();
    const { token, fromCookie } = readToken(req);
    if (fromCookie && isCrossSiteWrite(req, this.trustedOrigins)) {
      throw AuthErrors.crossSiteRequest();
    }
    const user = token ? await this.auth.authenticate(token) : null;
    if (!user) throw AppError.unauthenticated();
    req.user = user;
    context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');

    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(PENDING_PASSWORD_OK_KEY, targets)
    ) {
      throw AuthErrors.passwordChangeRequired();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role)) throw AppError.forbidden();
    return true;
  }
}

function readToken(req: RequestWithUser): { token: string | null; fromCookie: boolean } {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return { token: header.slice('Bearer '.length).trim() || null, fromCookie: false };
  }
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return { token: cookie || null, fromCookie: Boolean(cookie) };
}
