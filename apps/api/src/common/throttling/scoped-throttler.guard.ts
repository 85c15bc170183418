import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';

export const THROTTLE_PUBLIC = 'public';

/**
 * A throttler guard that applies only its own named limits: Nest's guard applies every
 * registered limit to every route it guards. (Sign-in has its own limit: LoginAttempts.)
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
