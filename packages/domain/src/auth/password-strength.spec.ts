import { describe, expect, it } from 'vitest';
import { passwordProblem as sut } from './password-strength';

describe('passwordProblem', () => {
  it('takes passwords that are long and hard to guess', () => {
    for (const password of [
      'Mat-khau-thu-2026',
      'Ha-Noi-2026-mua-thu',
      'x7Kp2mQ9zLw4',
      'Mật-khẩu-mới-2026',
    ]) {
      expect(sut(password), password).toBeNull();
    }
  });

  it('names the length and letters-and-digits rules first', () => {
    expect(sut('ngan1')).toBe('too_short');
    expect(sut(`a1${'x'.repeat(199)}`)).toBe('too_long');
    expect(sut('chi-co-chu-thoi')).toBe('letters_and_digits');
    expect(sut('12345678901')).toBe('letters_and_digits');
  });

  it('refuses common passwords, with their usual decorations', () => {
    for (const password of ['password12', 'qwerty1234', 'iloveyou12', 'P@ssw0rd12', '123456789a']) {
      expect(sut(password), password).toBe('common');
    }
  });

  it('refuses repeats, runs and keyboard rows', () => {
    for (const password of ['aaaaaaaaa1', 'abcdefgh12', '9876543210z', '1111111111a']) {
      expect(sut(password), password).toBe('pattern');
    }
  });

  it('refuses the account’s own email and name, with or without diacritics', () => {
    const personal = ['hoa.nguyen@backan.gov.vn', 'Nguyễn Thị Hoa'];
    expect(sut('hoa.nguyen2026', personal)).toBe('personal');
    expect(sut('Hoa.Nguyen.2026', personal)).toBe('personal');
    expect(sut('nguyenthihoa1', personal)).toBe('personal');
    expect(sut('hoa.nguyen2026')).toBeNull();
  });
});
