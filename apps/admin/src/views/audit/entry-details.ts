/**
 * An audit entry's recorded data as a person reads it: which record it was about by its name,
 * and, of a change, only the fields that changed with their value before and after.
 */
import { formatDate, formatDateTime } from '@/utils/format-date';

/** A field the entry recorded: its key, its value before and after (absent: not recorded). */
export interface FieldChange {
  key: string;
  before?: string;
  after?: string;
}

export interface EntryDetails {
  /** The fields to show: of a change only those that differ; of a creation or deletion all. */
  fields: FieldChange[];
  /** Fields recorded on both sides with the same value, left out of `fields`. */
  unchanged: number;
}

/** The fields that name a record, most telling first (a FAQ's question before its code…). */
const NAME_FIELDS = ['question', 'name', 'fullName', 'title', 'term', 'periodKey', 'email', 'code'];
const NAME_LENGTH = 48;
/** Bookkeeping fields, shown after the record's own. */
const BOOKKEEPING = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'createdBy', 'updatedBy'];

/** The recorded record's name ("Làm hộ chiếu ở đâu?"), shortened; undefined when none was recorded. */
export function recordName(before: unknown, after: unknown): string | undefined {
  for (const record of [after, before]) {
    if (!isRecord(record)) continue;
    for (const field of NAME_FIELDS) {
      const value = record[field];
      if (typeof value === 'string' && value.trim()) return shorten(value.trim(), NAME_LENGTH);
    }
  }
  return undefined;
}

/** An entry's fields: a change as the fields that differ; a creation or deletion as it was recorded. */
export function entryDetails(before: unknown, after: unknown, words: Words): EntryDetails {
  const old = fieldsOf(before, words);
  const now = fieldsOf(after, words);
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => rank(a) - rank(b));
  const fields: FieldChange[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const change = { key, before: old.get(key), after: now.get(key) };
    if (old.has(key) && now.has(key) && change.before === change.after) unchanged += 1;
    else fields.push(change);
  }
  return { fields, unchanged };
}

/** Naming fields first, then the record's own in their recorded order, bookkeeping last. */
function rank(key: string): number {
  if (NAME_FIELDS.includes(key)) return 0;
  return BOOKKEEPING.includes(key) ? 2 : 1;
}

/** How values read in the console's language. */
export interface Words {
  yesNo: (value: boolean) => string;
  /**
   * A field's coded value by its name, if the console has one: a role ("unit_reporter" → "Cán bộ
   * báo cáo"), a unit or a topic by its id. Each item of a list is named alike.
   */
  named?: (key: string, value: string) => string | undefined;
}

function fieldsOf(value: unknown, words: Words): Map<string, string> {
  if (value === null || value === undefined) return new Map();
  if (!isRecord(value)) return new Map([['', show(value, words.yesNo)]]);
  return new Map(
    Object.entries(value).map(([key, field]) => [key, show(named(key, field, words), words.yesNo)]),
  );
}

/** A coded value, or a list of them, by the names the console has for them; others as they are. */
function named(key: string, value: unknown, words: Words): unknown {
  if (!words.named) return value;
  if (typeof value === 'string') return words.named(key, value) ?? value;
  if (Array.isArray(value)) {
    return value.map((item) =>
      typeof item === 'string' ? (words.named!(key, item) ?? item) : item,
    );
  }
  return value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A recorded value as text: lists joined, nested records compact, days as dd/mm/yyyy, empty as a dash. */
function show(value: unknown, yesNo: Words['yesNo']): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return value.map((item) => show(item, yesNo)).join(', ') || '—';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value);
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatDate(value);
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, field]) => `${key}: ${show(field, yesNo)}`)
      .join('; ');
  }
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
