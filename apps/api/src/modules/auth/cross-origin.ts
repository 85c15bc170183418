import type { Request } from 'express';
import type { Env } from '../../config/env';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origins whose pages may write with the session cookie besides the API's own: its public
 * URL (behind a proxy that passes another Host) and the consoles named in CORS_ORIGINS.
 */
export function trustedOrigins(env: Pick<Env, 'PUBLIC_URL' | 'CORS_ORIGINS'>): Set<string> {
  const origins = [env.PUBLIC_URL, ...(env.CORS_ORIGINS?.split(',') ?? [])];
  return new Set(origins.flatMap((o) => originOf(o?.trim()) ?? []));
}

/**
 * Whether a request would change something on behalf of a page of another site, as a form
 * posted there with the cookie attached would. The rules of Go's CrossOriginProtection:
 * - reads pass;
 * - a page of a trusted origin passes;
 * - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` (or `none`, typed by
 *   the person);
 * - without it, an `Origin` must name the host the request was sent to;
 * - with neither, it is not a browser's request (curl, a script on a server): it passes. A
 *   browser always sends `Origin` on a cross-origin POST.
 */
export function isCrossSiteWrite(req: Request, trusted: ReadonlySet<string>): boolean {
  if (READS.has(req.method)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && trusted.has(origin)) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  if (origin === undefined) return false;
  return parse(origin)?.host !== req.host;
}

function originOf(url: string | undefined): string | undefined {
  return parse(url)?.origin;
}

function parse(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}
