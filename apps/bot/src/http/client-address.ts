/**
 * The address a per-client limit counts by. Without a trusted proxy it is the socket's address:
 * X-Forwarded-For is whatever the client wrote. Behind one (TRUST_PROXY), it is the last address
 * in X-Forwarded-For, the one the proxy itself added; addresses before it come from the client.
 * An IPv6 client counts by its /64, the block a home or a phone is given, so that it cannot
 * step around a limit by changing the rest of its address.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastForwarded(req.headers['x-forwarded-for']) : undefined;
  return limitKey(forwarded ?? req.socket.remoteAddress ?? 'unknown');
}

function lastForwarded(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').at(-1)?.trim();
  return last && isIP(last) ? last : undefined;
}

function limitKey(address: string): string {
  const plain = address.replace(/%.*$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(plain) === 6 ? `${network64(plain)}::/64` : plain;
}

/** The first four groups of an IPv6 address, written out (`2001:db8:0:1`). */
function network64(address: string): string {
  const [head, tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  // An IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) takes two groups.
  const right = groups(tail).flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right]
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':');
}
