/**
 * The import report's per-row reasons come from the API in English (class-validator messages
 * and the API's own). Each known one is said again in the console's language, with the field
 * named as the column staff see; an unknown one is shown as sent, after a plain lead-in.
 */
type Translate = (key: string, params?: Record<string, unknown>) => string;

const FIELDS = new Set([
  'id',
  'topic',
  'question',
  'alternates',
  'answer',
  'tags',
  'status',
  'needsReview',
  'questionEn',
  'answerEn',
  'alternatesEn',
  'sources',
]);

/** [pattern, message key, the groups' names (a `field` group is translated)]. */
const PATTERNS: [RegExp, string, string[]][] = [
  [/^each FAQ must be an object/, 'notObject', []],
  [/^id must be 1–64 /, 'idFormat', []],
  [/^(\w+) is required$/, 'required', ['field']],
  [/^(\w+) must be at least (\d+) characters$/, 'tooShort', ['field', 'n']],
  [
    /^each value in (\w+) must be shorter than or equal to (\d+) characters$/,
    'itemTooLong',
    ['field', 'n'],
  ],
  [/^(\w+) must be shorter than or equal to (\d+) characters$/, 'tooLong', ['field', 'n']],
  [/^(\w+) must contain no more than (\d+) elements$/, 'tooMany', ['field', 'n']],
  [/^(\w+) must be a list of texts$/, 'notList', ['field']],
  [/^(\w+) must be a string$/, 'notText', ['field']],
  [/^(\w+) must not contain control characters$/, 'controlCharacters', ['field']],
  [/^status must be one of/, 'status', []],
  [/^needsReview must be true or false$/, 'needsReview', []],
  [/^unknown field (\S+)$/, 'unknownField', ['name']],
  [/^id (.+) already appears in row (\d+)$/, 'duplicateId', ['id', 'row']],
  [/^Another FAQ already has the id "(.+)"\.$/, 'idTaken', ['id']],
  [/^A topic named "(.+)" already exists\.$/, 'topicTaken', ['name']],
];

export function importErrorText(message: string, t: Translate): string {
  for (const [pattern, key, names] of PATTERNS) {
    const found = pattern.exec(message);
    if (!found) continue;
    // vue-i18n reads "|" as plural forms: given as a parameter.
    const params: Record<string, string> = { bar: '|' };
    names.forEach((name, i) => {
      const value = found[i + 1];
      params[name] =
        name === 'field' && FIELDS.has(value) ? t(`knowledge.transfer.fields.${value}`) : value;
    });
    return capitalise(t(`knowledge.transfer.rowErrors.${key}`, params));
  }
  return t('knowledge.transfer.rowErrors.other', { message });
}

/** The first letter in capitals: a field's name may start the sentence. */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
