import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AllExceptionsFilter } from './all-exceptions.filter';

function answer(exception: unknown): { status: number; body: { code: string; message: string } } {
  const sent = { status: 0, body: undefined as never };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: never) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

const pgError = (code: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('from PostgreSQL'), { code }));

describe('AllExceptionsFilter', () => {
  it.each(['22021', '22P05', '22003'])(
    'answers PostgreSQL data error %s as 400 validation_failed',
    (code) => {
      const { status, body } = answer(pgError(code));
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      expect(body.message).toMatch(/cannot be stored|too large/);
    },
  );

  it('still answers an unknown database error as 500', () => {
    expect(answer(pgError('42883')).status).toBe(500);
  });

  it.each([
    ['the server shutting down', pgError('57P01')],
    ['a connection cut mid-query', pgError('ECONNRESET')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection ended', new Error('Connection terminated unexpectedly')],
  ])('answers the database away (%s) as 503 database_unavailable', (_case, error) => {
    const { status, body } = answer(error);
    expect(status).toBe(503);
    expect(body.code).toBe('database_unavailable');
  });
});
