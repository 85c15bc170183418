import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthErrors } from './auth.errors';
import { LoginAttempts } from './login-attempts';

/** Refuses a sign-in attempt, with 429 and Retry-After, once too many have failed. */
@Injectable()
export class LoginThrottlerGuard implements CanActivate {
  constructor(private readonly attempts: LoginAttempts) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const email = (req.body as { email?: unknown } | undefined)?.email;
    const wait = await this.attempts.take(req.ip ?? null, typeof email === 'string' ? email : '');
    if (wait === 0) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
    throw AuthErrors.tooManyAttempts(wait);
  }
}
