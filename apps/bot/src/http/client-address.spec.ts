import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the socket address unless a proxy is trusted', () => {
    const sut = request('198.51.100.4', '203.0.113.9');

    expect(clientAddress(sut, false)).toBe('198.51.100.4');
    expect(clientAddress(sut, true)).toBe('203.0.113.9');
  });

  it('behind a proxy, takes the address the proxy added, not what the client wrote before it', () => {
    expect(clientAddress(request('127.0.0.1', '1.2.3.4, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), true)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });

  it('counts an IPv6 client by its /64, and an IPv4 one behind ::ffff: by its IPv4 address', () => {
    const key = (address: string) => clientAddress(request(address), false);

    expect(key('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(key('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(key('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(key('::1')).toBe('0:0:0:0::/64');
    expect(key('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(key('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
});
