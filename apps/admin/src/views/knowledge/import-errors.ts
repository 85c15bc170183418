/**
 * The import report's per-row reasons come from the API in English (class-validator messages
 * and the API's own). Each known one is said again in the console's language, with the field
 * named as the column staff see; an unknown one is shown as sent, after a plain lead-in.
 */
import { COMMON_RULES, matchRule, type FieldRule, type Translate } from '@/utils/field-error-text';

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

/** The import's own reasons, then those any field may have. */
const RULES: FieldRule[] = [
  [/^each FAQ must be an object/, 'notObject', []],
  [/^id must be 1–64 /, 'idFormat', []],
  [/^status must be one of/, 'status', []],
  [/^needsReview must be true or false$/, 'needsReview', []],
  [/^unknown field (\S+)$/, 'unknownField', ['name']],
  [/^id (.+) already appears in row (\d+)$/, 'duplicateId', ['id', 'row']],
  [/^Another FAQ already has the id "(.+)"\.$/, 'idTaken', ['id']],
  [/^A topic named "(.+)" already exists\.$/, 'topicTaken', ['name']],
  ...COMMON_RULES,
];

export function importErrorText(message: string, t: Translate): string {
  const rule = matchRule(message, RULES);
  if (!rule) return t('knowledge.transfer.rowErrors.other', { message });
  const { field } = rule.params;
  // vue-i18n reads "|" as plural forms: given as a parameter.
  const params: Record<string, string> = { ...rule.params, bar: '|' };
  if (field && FIELDS.has(field)) params.field = t(`knowledge.transfer.fields.${field}`);
  return capitalise(t(`knowledge.transfer.rowErrors.${rule.key}`, params));
}

/** The first letter in capitals: a field's name may start the sentence. */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
