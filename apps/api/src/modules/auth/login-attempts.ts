import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';

/**
 * Sign-in attempts, counted in memory per process within LOGIN_RATE_WINDOW_SECONDS: per address
 * and account (guessing one password), and six times as many per address alone (trying many
 * accounts). Each attempt is counted as it arrives, so parallel guesses count too, and given
 * back when it signs in: only failures use up the limit.
 */
@Injectable()
export class LoginAttempts {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(@InjectEnv() env: Env) {
    const duration = env.LOGIN_RATE_WINDOW_SECONDS;
    this.perAccount = new RateLimiterMemory({ points: env.LOGIN_RATE_LIMIT, duration });
    this.perAddress = new RateLimiterMemory({ points: env.LOGIN_RATE_LIMIT * 6, duration });
  }

  /** Counts an attempt; answers 0 when it may go ahead, else the seconds to wait. */
  async take(ip: string | null, email: string): Promise<number> {
    const results = await Promise.allSettled([
      this.perAccount.consume(`${ip}|${normalise(email)}`),
      this.perAddress.consume(`${ip}`),
    ]);
    const waits = results.map((r) =>
      r.status === 'rejected' ? Math.ceil((r.reason as RateLimiterRes).msBeforeNext / 1000) : 0,
    );
    return Math.max(...waits);
  }

  /** Gives back the attempt of a successful sign-in. */
  async succeeded(ip: string | null, email: string): Promise<void> {
    await Promise.all([
      this.perAccount.reward(`${ip}|${normalise(email)}`),
      this.perAddress.reward(`${ip}`),
    ]);
  }
}

const normalise = (email: string) => email.trim().toLowerCase();
