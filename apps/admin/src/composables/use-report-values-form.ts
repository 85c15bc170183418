import {
  checkReport,
  formatFieldValue,
  parseFieldInput,
  templateFields,
  validateValue,
  type FieldValue,
  type ReportField,
  type ReportTemplateDefinition,
  type ReportValues,
  type SubmissionHistoryEntry,
} from '@gcm/domain';

/**
 * A unit's report filled in or corrected in the console: each field's control value, read back
 * with the domain's own rules (what the bot accepts, the console accepts) into the values the
 * API stores, with Vietnamese messages by field key.
 */

/** What a control holds: typed text (numbers, text), a choice, choices, a date or yes/no. */
export type ControlValue = string | string[] | boolean | null;

export type ValuesForm = Record<string, ControlValue>;

/** Numbers as people type them in Vietnam: 1200, 3,5. */
function numberText(value: number): string {
  return String(value).replace('.', ',');
}

export function controlValue(
  field: ReportField,
  value: FieldValue | null | undefined,
): ControlValue {
  if (value === null || value === undefined) {
    if (field.type === 'multiple_choice') return [];
    if (field.type === 'yes_no') return null;
    return '';
  }
  switch (field.type) {
    case 'count':
    case 'decimal':
      return typeof value === 'number' ? numberText(value) : String(value);
    case 'multiple_choice':
      return Array.isArray(value) ? [...value] : [];
    case 'yes_no':
      return typeof value === 'boolean' ? value : null;
    default:
      return String(value);
  }
}

export function valuesForm(
  definition: Pick<ReportTemplateDefinition, 'sections'>,
  values: ReportValues,
): ValuesForm {
  return Object.fromEntries(
    templateFields(definition).map((field) => [field.key, controlValue(field, values[field.key])]),
  );
}

export interface ReadValues {
  values: Record<string, FieldValue | null>;
  /** Messages by field key. */
  errors: Record<string, string>;
}

/**
 * The form read back. `submit`: every required field answered and every cross-field rule
 * holding, a broken rule's message put beside each field it names.
 */
export function readValues(
  definition: ReportTemplateDefinition,
  form: ValuesForm,
  mode: 'draft' | 'submit',
): ReadValues {
  const values: Record<string, FieldValue | null> = {};
  const errors: Record<string, string> = {};
  const add = (key: string, message: string) => {
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  };
  for (const field of templateFields(definition)) {
    const raw = form[field.key];
    const result =
      field.type === 'count' || field.type === 'decimal'
        ? parseFieldInput({ ...field, required: false }, typeof raw === 'string' ? raw : '')
        : validateValue({ ...field, required: false } as ReportField, emptyToNull(raw));
    if (result.ok) values[field.key] = result.value ?? null;
    else add(field.key, result.message);
  }
  if (Object.keys(errors).length === 0) {
    for (const problem of checkReport(definition, values, mode).problems) {
      if (problem.kind === 'rule_failed') {
        for (const key of problem.fields) add(key, problem.message);
      } else if (problem.kind !== 'unknown_field') {
        add(problem.field, problem.message);
      }
    }
  }
  return { values, errors };
}

function emptyToNull(value: ControlValue | undefined): unknown {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The values that differ from those saved: what a save sends (others are never overwritten). */
export function changedValues(
  saved: ReportValues,
  values: Record<string, FieldValue | null>,
): Record<string, FieldValue | null> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !same(saved[key], value)),
  );
}

/** The API's field errors (`values.<key>`) by field key. */
export function valueErrorsFrom(fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [
      field.replace(/^values\./, ''),
      message,
    ]),
  );
}

export interface HistoryChange {
  label: string;
  before: string;
  after: string;
}

/** A history entry's changes as people read them: the field's label, before and after. */
export function historyChanges(
  definition: Pick<ReportTemplateDefinition, 'sections'>,
  entry: Pick<SubmissionHistoryEntry, 'changes'>,
): HistoryChange[] {
  const fields = templateFields(definition);
  return Object.entries(entry.changes).map(([key, change]) => {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) {
      return {
        label: key,
        before: String(change.before ?? '—'),
        after: String(change.after ?? '—'),
      };
    }
    return {
      label: field.label,
      before: formatFieldValue(field, change.before),
      after: formatFieldValue(field, change.after),
    };
  });
}
