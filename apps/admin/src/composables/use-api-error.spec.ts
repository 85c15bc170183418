import { ApiError } from '@gcm/api-client';
import { errorMessagesVi } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { describeError, type Translate } from './use-api-error';

/** Looks keys up in the Vietnamese messages, as the console does by default. */
const vietnamese: Translate = (key) => {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages['vi-VN'],
    );
  return typeof value === 'string' ? value : undefined;
};

describe('describeError', () => {
  it('shows the Vietnamese message of a known code', () => {
    const error = new ApiError(401, 'invalid_credentials', 'Invalid email or password.');

    expect(describeError(error, vietnamese)).toBe(errorMessagesVi.invalid_credentials);
  });

  it("falls back to the server's message for a code the console does not know", () => {
    const error = new ApiError(409, 'brand_new_code' as never, 'Something new.');

    expect(describeError(error, vietnamese)).toBe('Something new.');
  });

  it('says the server cannot be reached when no answer came', () => {
    const error = new ApiError(0, 'internal_error', 'fetch failed');

    expect(describeError(error, vietnamese)).toBe(messages['vi-VN'].common.networkError);
  });

  it('shows a generic message for anything else', () => {
    expect(describeError(new TypeError('x is undefined'), vietnamese)).toBe(
      messages['vi-VN'].common.unexpectedError,
    );
  });
});
