import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { AppError } from '../errors/app-error';

/**
 * Admits the bot gateway: `Authorization: Bearer <BOT_SERVICE_TOKEN>`, compared in constant
 * time. Routes behind it are also marked @Public() (no staff session). Their answers, channel
 * tokens among them, are never cached.
 */
@Injectable()
export class BotTokenGuard implements CanActivate {
  constructor(@InjectEnv() private readonly env: Env) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.env.BOT_SERVICE_TOKEN;
    if (!expected)
      throw AppError.unauthenticated(
        'The bot service token is not configured on the API (BOT_SERVICE_TOKEN).',
      );
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      throw AppError.unauthenticated('Wrong or missing bot service token.');
    context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    return true;
  }
}
