import { passwordProblem } from '@gcm/domain/password-strength';
import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('mật-khẩu-đúng-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'mật-khẩu-đúng-2026')).toBe(true);
    expect(await verifyPassword(hash, 'mật-khẩu-sai-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('generates one-time passwords that pass the password rule and differ', () => {
    const a = generateTemporaryPassword();
    const b = generateTemporaryPassword();
    expect(passwordProblem(a)).toBeNull();
    expect(a).not.toBe(b);
  });
});
