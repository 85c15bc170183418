/**
 * A TCP proxy of the test's own (node:net) between a client and a server, which the test can
 * cut: every connection through it is destroyed and new ones are reset at once, as when the
 * server stops, until it is restored. Used to take a PostgreSQL server away from the API for a
 * while without stopping the server that other tests share.
 *
 *   const proxy = await startTcpProxy('127.0.0.1', 5432);
 *   const url = proxy.rewrite(database.url);   // the same URL through the proxy
 *   proxy.cut();  …  proxy.restore();
 */
import net from 'node:net';

export interface TcpProxy {
  /** 127.0.0.1 and the port the proxy listens on. */
  readonly host: string;
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** True between cut() and restore(). */
  readonly isCut: boolean;
  /** Connections accepted so far, and refused while cut. */
  readonly accepted: number;
  readonly refused: number;
  /** Destroys every open connection and resets new ones until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isCut = false;
  let accepted = 0;
  let refused = 0;

  const server = net.createServer((client) => {
    if (isCut) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    accepted += 1;
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    rewrite(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    get isCut() {
      return isCut;
    },
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      isCut = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
