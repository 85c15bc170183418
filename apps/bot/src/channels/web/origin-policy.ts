/**
 * Which pages may use the web chat from the browser (WEB_CHAT_ORIGINS). The widget script is
 * for everyone; posting messages and reading a session's stream only for the listed origins
 * and the bot's own pages. Requests without an Origin (curl, the console's server) pass: CORS
 * guards browsers, and the flood limit guards the rest.
 */
import type { IncomingMessage } from 'node:http';

export class OriginPolicy {
  private readonly anyOrigin: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.anyOrigin = origins.includes('*');
    this.origins = new Set(origins.map((o) => o.toLowerCase()));
  }

  allows(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin || this.anyOrigin || this.origins.has(origin.toLowerCase())) return true;
    return sameHost(origin, req.headers.host);
  }

  /** The CORS headers of an answer to `req` (none when its origin is not allowed). */
  corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin) return {};
    if (this.anyOrigin) return { 'Access-Control-Allow-Origin': '*' };
    if (!this.allows(req)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return Boolean(host) && new URL(origin).host === host?.toLowerCase();
  } catch {
    return false;
  }
}
