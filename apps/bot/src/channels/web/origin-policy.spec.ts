import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { OriginPolicy } from './origin-policy';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('OriginPolicy', () => {
  it('lets any page in with *', () => {
    const sut = new OriginPolicy(['*']);
    const req = request({ origin: 'https://anywhere.example', host: 'bot.local' });

    expect(sut.allows(req)).toBe(true);
    expect(sut.corsHeaders(req)).toEqual({ 'Access-Control-Allow-Origin': '*' });
  });

  it('lets in the listed origins, the bot’s own pages and requests without an Origin', () => {
    const sut = new OriginPolicy(['https://portal.example.gov.vn']);

    expect(sut.allows(request({ origin: 'https://portal.example.gov.vn' }))).toBe(true);
    expect(sut.allows(request({ origin: 'http://bot.local:3001', host: 'bot.local:3001' }))).toBe(
      true,
    );
    expect(sut.allows(request({}))).toBe(true);
    expect(sut.corsHeaders(request({ origin: 'https://portal.example.gov.vn' }))).toEqual({
      'Access-Control-Allow-Origin': 'https://portal.example.gov.vn',
      Vary: 'Origin',
    });
  });

  it('keeps other pages out', () => {
    const sut = new OriginPolicy(['https://portal.example.gov.vn']);
    const req = request({ origin: 'https://evil.example', host: 'bot.local' });

    expect(sut.allows(req)).toBe(false);
    expect(sut.corsHeaders(req)).toEqual({ Vary: 'Origin' });
  });
});
