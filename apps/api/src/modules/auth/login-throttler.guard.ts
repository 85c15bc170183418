import { ExecutionContext, Injectable } from '@nestjs/common';
import {
  ScopedThrottlerGuard,
  THROTTLE_LOGIN_PER_ACCOUNT,
  THROTTLE_LOGIN_PER_IP,
} from '../../common/throttling/scoped-throttler.guard';

/**
 * Limits sign-in attempts twice: per address and account (guessing one password), and
 * per address alone, looser (trying many accounts).
 */
@Injectable()
export class LoginThrottlerGuard extends ScopedThrottlerGuard {
  protected readonly scope = [THROTTLE_LOGIN_PER_ACCOUNT, THROTTLE_LOGIN_PER_IP];

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    return `${String(req.ip)}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
  }

  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    const tracker = name === THROTTLE_LOGIN_PER_IP ? suffix.split('|')[0] : suffix;
    return super.generateKey(context, tracker, name);
  }
}
