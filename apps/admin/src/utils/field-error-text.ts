/**
 * The API words its per-field reasons in English (class-validator's messages and its own, see
 * apps/api's DTOs and *.errors.ts). The console says each known one again in its own language;
 * an unknown one is shown as sent (some, such as a report value's, are already Vietnamese).
 */
import type { FieldError } from '@gcm/domain';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** [pattern, message key, the groups' names]. A `field` group is the field's API name. */
export type FieldRule = [RegExp, string, string[]];

export interface MatchedRule {
  key: string;
  params: Record<string, string>;
}

/** Reasons any field may have: the form's and the import's alike. */
export const COMMON_RULES: FieldRule[] = [
  [/^(\S+) (?:is required|must not be null|should not be empty)$/, 'required', ['field']],
  [/^(\S+) must be at least (\d+) characters$/, 'tooShort', ['field', 'n']],
  [
    /^each value in (\S+) must be shorter than or equal to (\d+) characters$/,
    'itemTooLong',
    ['field', 'n'],
  ],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, 'tooLong', ['field', 'n']],
  [/^(\S+) must contain no more than (\d+) elements$/, 'tooMany', ['field', 'n']],
  [/^(\S+) must be a list of texts$/, 'notList', ['field']],
  [/^(\S+) must be (?:a string|text)$/, 'notText', ['field']],
  [/^(\S+) must not contain control characters$/, 'controlCharacters', ['field']],
];

/**
 * Reasons a form shows beside the field, which needs no name: a key without a dot is one of
 * `common.fieldErrors`, the others are the console's messages for the same thing.
 */
const FORM_RULES: FieldRule[] = [
  ...COMMON_RULES,
  [/^(\S+) must be longer than or equal to (\d+) characters$/, 'tooShort', ['field', 'n']],
  [/^already used\b/, 'alreadyUsed', []],
  [/^(\S+) must be an email(?: address)?$/, 'email', ['field']],
  [/^(\S+) must be a phone number/, 'phone', ['field']],
  [/^(\S+) must be a day as YYYY-MM-DD$/, 'day', ['field']],
  [/^(\S+) must be one of/, 'oneOf', ['field']],
  [/^(\S+) must (?:be|hold) (?:a |an )?[\w ]*ids? \(UUID\)$/, 'choose', ['field']],
  [/^(\S+) must be a UUID$/, 'uuid', ['field']],
  [/^(\S+) must be (?:a whole number|an integer number)/, 'wholeNumber', ['field']],
  [/^wrong password$/, 'errors.wrong_current_password', []],
  [/^same as the current password$/, 'auth.changePassword.sameAsCurrent', []],
  [/^required for role unit_reporter$/, 'errors.unit_required_for_reporter', []],
];

/** The first rule the message matches, with its groups by name; null when none does. */
export function matchRule(message: string, rules: readonly FieldRule[]): MatchedRule | null {
  for (const [pattern, key, names] of rules) {
    const found = pattern.exec(message);
    if (!found) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = found[i + 1]));
    return { key, params };
  }
  return null;
}

/**
 * A field error as the console shows it beside its field: a password's stable reason, else a
 * known message, in the console's language; else the message as sent.
 */
export function fieldErrorText(error: FieldError, t: Translate, has: (key: string) => boolean) {
  if (error.reason && has(`passwordProblems.${error.reason}`)) {
    return t(`passwordProblems.${error.reason}`);
  }
  const rule = matchRule(error.message, FORM_RULES);
  if (!rule) return error.message;
  if (rule.key === 'required') return t('common.requiredField');
  return t(rule.key.includes('.') ? rule.key : `common.fieldErrors.${rule.key}`, rule.params);
}
