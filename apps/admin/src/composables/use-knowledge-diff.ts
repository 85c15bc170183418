import { diffLines, diffWords } from 'diff';

/** One piece of a changed text: kept, added or removed. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One field that differs between two versions of a FAQ. */
export interface FieldDiff {
  field: string;
  parts: DiffPart[];
}

/** The FAQ's content fields in the order the editor shows them; the answers diff by line. */
const FIELDS = [
  'question',
  'alternates',
  'answer',
  'questionEn',
  'answerEn',
  'alternatesEn',
  'sources',
  'tags',
  'topicId',
  'status',
  'needsReview',
  'reviewDueOn',
] as const;
const BY_LINE = new Set<string>(['answer', 'answerEn', 'alternates', 'alternatesEn', 'sources']);

/** A field's value as text: lists one item a line, nothing as empty. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
}

/**
 * What changed from `older` to `newer` (two version snapshots), field by field: words for short
 * texts, lines for answers and lists. A field that did not change is left out.
 */
export function diffSnapshots(
  older: Record<string, unknown>,
  newer: Record<string, unknown>,
): FieldDiff[] {
  return FIELDS.flatMap((field) => {
    const before = fieldText(older[field]);
    const after = fieldText(newer[field]);
    if (before === after) return [];
    // Every line ends with a newline, so that text added after the last line leaves it unchanged.
    const line = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
    const changes = BY_LINE.has(field)
      ? diffLines(line(before), line(after))
      : diffWords(before, after);
    const parts = changes.map((change): DiffPart => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    }));
    return [{ field, parts }];
  });
}

/**
 * The content of an old version, as the fields to save again (a restore is a new version with
 * that content: the history keeps every step).
 */
export function restorableContent(snapshot: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    question: text(snapshot.question),
    answer: text(snapshot.answer),
    alternates: list(snapshot.alternates),
    questionEn: text(snapshot.questionEn) || null,
    answerEn: text(snapshot.answerEn) || null,
    alternatesEn: list(snapshot.alternatesEn),
    sources: list(snapshot.sources),
    tags: list(snapshot.tags),
    ...(typeof snapshot.topicId === 'string' ? { topicId: snapshot.topicId } : {}),
  };
}
