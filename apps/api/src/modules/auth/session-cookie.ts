import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'gcm_session';

/** httpOnly, SameSite=Strict: the console's session cookie is out of reach of scripts and other sites. */
export function sessionCookieOptions(secure: boolean, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', expires };
}
