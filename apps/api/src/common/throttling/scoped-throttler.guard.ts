import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';

export const THROTTLE_LOGIN_PER_ACCOUNT = 'login-account';
export const THROTTLE_LOGIN_PER_IP = 'login-ip';
export const THROTTLE_PUBLIC = 'public';

/**
 * A throttler guard that applies only its own named limits. Nest's guard applies every
 * registered limit to every route it guards; the sign-in limits must not apply to the
 * public question endpoint, nor the public limit to sign-in.
 */
@Injectable()
export abstract class ScopedThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly scope: readonly string[];

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (!this.scope.includes(props.throttler.name ?? 'default')) return Promise.resolve(true);
    return super.handleRequest(props);
  }
}

/** Limits public endpoints (citizens' questions, published articles) per client address. */
@Injectable()
export class PublicThrottlerGuard extends ScopedThrottlerGuard {
  protected readonly scope = [THROTTLE_PUBLIC];
}
