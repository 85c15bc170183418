import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldDiacritics } from '../text/normalise';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  PasswordProblem,
} from './password-policy';

let estimator: ZxcvbnFactory | undefined;

/**
 * What is wrong with a new password, or null when it will do: 10 to 200 characters with a
 * letter and a digit, and hard enough to guess for zxcvbn (common passwords, repeats, runs,
 * keyboard rows, dates, and the account's own email and name, given in `personal`).
 */
export function passwordProblem(
  password: string,
  personal: readonly string[] = [],
): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return PasswordProblem.TooShort;
  if (password.length > PASSWORD_MAX_LENGTH) return PasswordProblem.TooLong;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return PasswordProblem.LettersAndDigits;
  }
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = estimator.check(password, personalWords(personal));
  return result.score >= PASSWORD_MIN_SCORE ? null : problemOf(result);
}

/** Each value folded to plain letters, an email's name part, their words, run together too. */
function personalWords(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const folded = foldDiacritics(value).toLowerCase();
    const name = folded.split('@')[0] ?? folded;
    const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    return [folded, name, words.join(''), ...words];
  });
}

/** The weakest part zxcvbn found names the problem. */
function problemOf(result: ZxcvbnResult): PasswordProblem {
  const parts = result.sequence;
  if (parts.some((p) => p.pattern === 'dictionary' && p.dictionaryName === 'userInputs')) {
    return PasswordProblem.Personal;
  }
  if (parts.some((p) => p.pattern === 'dictionary')) return PasswordProblem.Common;
  if (parts.some((p) => p.pattern !== 'bruteforce')) return PasswordProblem.Pattern;
  return PasswordProblem.Guessable;
}
