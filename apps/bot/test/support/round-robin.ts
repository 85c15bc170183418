/**
 * A round-robin HTTP load balancer of the test's own, in front of several instances (the APIs,
 * or the bots): each request goes to the next instance in turn. It behaves as nginx does by
 * default: an instance that refuses the connection (it is dead) is skipped and the request goes
 * to the next one; a request that fails once it was sent gets 502 (a POST is not sent twice);
 * and an instance that failed is left out for the next 10 s (`max_fails=1 fail_timeout=10s`).
 * Responses, streams (SSE) included, are passed through as they come.
 *
 *   const lb = await startRoundRobin([apiA.baseUrl, apiB.baseUrl]);
 *   … API_URL: lb.url …
 *   lb.served  // requests answered by each instance
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Requests passed to each instance (by its URL) and answered. */
  readonly served: Record<string, number>;
  /** Requests answered 502 because the instance failed after the request was sent. */
  readonly failed: number;
  close(): Promise<void>;
}

/** How long an instance that failed is left out (nginx's `fail_timeout`). */
const FAIL_TIMEOUT_MS = 10_000;

export async function startRoundRobin(instances: string[]): Promise<RoundRobin> {
  const targets = instances.map((base) => new URL(base));
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 256 }));
  const served: Record<string, number> = Object.fromEntries(instances.map((i) => [i, 0]));
  let next = 0;
  let failed = 0;
  /** Until when each instance is left out after a failure. */
  const downUntil = targets.map(() => 0);
  const pick = () => {
    for (let i = 0; i < targets.length; i++) {
      const index = next++ % targets.length;
      if (downUntil[index] <= Date.now()) return index;
    }
    return next++ % targets.length;
  };

  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    tried: number,
  ) => {
    const index = pick();
    const target = targets[index];
    let connected = false;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent: agents[index],
      },
      (answer) => {
        served[instances[index]] += 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('socket', (socket) => {
      // A reused keep-alive socket is connected already; a new one once it connects.
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    let clientGone = false;
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (clientGone) return;
      downUntil[index] = Date.now() + FAIL_TIMEOUT_MS;
      if (res.headersSent) return void res.destroy();
      // Nothing reached the instance: another one may take the request.
      if (!connected && error.code === 'ECONNREFUSED' && tried + 1 < targets.length) {
        return forward(req, res, body, tried + 1);
      }
      failed += 1;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `bad gateway: ${error.code ?? error.message}` }));
    });
    // A client that goes away (an SSE stream closed) closes the request to the instance.
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    served,
    get failed() {
      return failed;
    },
    close() {
      for (const agent of agents) agent.destroy();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
