import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A group of routes the bot's server mounts without knowing what they serve (the web chat's).
 * `handle` answers and returns true when the request is one of its routes, else returns false
 * without touching the response.
 */
export interface HttpRoutes {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}
