/**
 * The password rule shared by the API and the console, and why a password is refused. The check
 * itself, with zxcvbn's dictionaries, is `@gcm/domain/password-strength` (password-strength.ts),
 * apart so that only the code that checks passwords loads them. See
 * docs/adr/0005-password-strength.md.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score 3: at least 10^8 guesses, out of reach online and costly against argon2id. */
export const PASSWORD_MIN_SCORE = 3;

/** Why a new password is refused; the API sends it as `reason` beside the field. */
export const PasswordProblem = {
  TooShort: 'too_short',
  TooLong: 'too_long',
  LettersAndDigits: 'letters_and_digits',
  Common: 'common',
  Pattern: 'pattern',
  Personal: 'personal',
  Guessable: 'guessable',
} as const;

export type PasswordProblem = (typeof PasswordProblem)[keyof typeof PasswordProblem];

export const passwordProblemsVi: Record<PasswordProblem, string> = {
  too_short: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  too_long: `Mật khẩu chỉ được dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
  letters_and_digits: 'Mật khẩu cần có cả chữ và số.',
  common:
    'Mật khẩu này quá phổ biến, dễ bị dò ra. Hãy chọn mật khẩu khác, ví dụ ghép vài từ không liên quan với nhau.',
  pattern:
    'Mật khẩu theo quy luật dễ đoán: ký tự lặp lại, dãy liên tiếp (12345, abcd), hàng phím (qwerty) hoặc ngày tháng. Hãy tránh các quy luật này.',
  personal: 'Mật khẩu chứa email hoặc họ tên. Hãy chọn mật khẩu không liên quan đến tài khoản.',
  guessable: 'Mật khẩu quá dễ đoán. Hãy dùng mật khẩu dài hơn hoặc ghép thêm từ khó đoán.',
};

export const passwordProblemsEn: Record<PasswordProblem, string> = {
  too_short: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  letters_and_digits: 'The password needs both letters and digits.',
  common:
    'This password is too common and easily guessed. Choose another, for example a few unrelated words together.',
  pattern:
    'The password follows an easy pattern: repeated characters, a run (12345, abcd), a keyboard row (qwerty) or a date. Avoid these.',
  personal: 'The password contains the email or the name. Choose one unrelated to the account.',
  guessable:
    'The password is too easy to guess. Make it longer or add words that are hard to guess.',
};
