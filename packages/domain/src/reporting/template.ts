import type { UnitKind } from '../units';
import type { IsoDate } from './local-time';
import type { ReportSchedule } from './schedule';

/**
 * A report template is data: sections of fields, cross-field rules, the unit kinds that owe it
 * and its schedule. Staff define it in the console (checked by `validateTemplate`), the API stores
 * each version, and the bot asks its fields one by one (`parseFieldInput`).
 */
export interface ReportTemplateDefinition {
  /** Stable identifier across versions, snake_case: `police_migration_statistics`. */
  code: string;
  title: string;
  description?: string;
  /** 1, 2, … A submission keeps the version it was filled in with. */
  version: number;
  /** The unit kinds that owe this report (every unit of these kinds). */
  owedBy: UnitKind[];
  schedule: ReportSchedule;
  sections: ReportSection[];
  rules: ReportRule[];
}

export interface ReportSection {
  key: string;
  title: string;
  description?: string;
  fields: ReportField[];
}

/**
 * A cross-field rule (see rules.ts for the expression language): `expression` must hold, else
 * `message` is shown to the unit, beside the fields the rule names.
 */
export interface ReportRule {
  key: string;
  expression: string;
  message: string;
}

export const FieldType = {
  /** A whole number ≥ 0: people, cases, sessions. */
  Count: 'count',
  Decimal: 'decimal',
  Text: 'text',
  SingleChoice: 'single_choice',
  MultipleChoice: 'multiple_choice',
  Date: 'date',
  YesNo: 'yes_no',
} as const;

export type FieldType = (typeof FieldType)[keyof typeof FieldType];

export const FIELD_TYPES: readonly FieldType[] = Object.values(FieldType);

export const fieldTypeLabelsVi: Record<FieldType, string> = {
  count: 'Số nguyên không âm',
  decimal: 'Số thập phân',
  text: 'Văn bản',
  single_choice: 'Chọn một',
  multiple_choice: 'Chọn nhiều',
  date: 'Ngày',
  yes_no: 'Có/Không',
};

interface FieldBase {
  /** snake_case, unique in the template; rules name fields by it. */
  key: string;
  /** The question or caption, in Vietnamese. */
  label: string;
  /** What to count, what to include: shown under the label. */
  help?: string;
  required: boolean;
}

export interface CountField extends FieldBase {
  type: 'count';
  min?: number;
  max?: number;
  /** What is counted, shown after the number and accepted after it when typed: "người", "vụ". */
  unit?: string;
}

export interface DecimalField extends FieldBase {
  type: 'decimal';
  min?: number;
  max?: number;
  /** Most digits after the decimal comma (default DEFAULT_DECIMALS). */
  decimals?: number;
  unit?: string;
}

export interface TextField extends FieldBase {
  type: 'text';
  minLength?: number;
  /** Default DEFAULT_TEXT_MAX_LENGTH, at most MAX_TEXT_LENGTH. */
  maxLength?: number;
}

/** One choice: `value` is stored (snake_case), `label` is shown and may be typed. */
export interface ChoiceOption {
  value: string;
  label: string;
}

export interface SingleChoiceField extends FieldBase {
  type: 'single_choice';
  choices: ChoiceOption[];
}

export interface MultipleChoiceField extends FieldBase {
  type: 'multiple_choice';
  choices: ChoiceOption[];
  minSelected?: number;
  maxSelected?: number;
}

export interface DateField extends FieldBase {
  type: 'date';
  min?: IsoDate;
  max?: IsoDate;
}

export interface YesNoField extends FieldBase {
  type: 'yes_no';
}

export type ReportField =
  | CountField
  | DecimalField
  | TextField
  | SingleChoiceField
  | MultipleChoiceField
  | DateField
  | YesNoField;

export type ChoiceField = SingleChoiceField | MultipleChoiceField;
export type NumericField = CountField | DecimalField;

/**
 * A field's value as stored (JSON): count and decimal → number; text → string; single choice →
 * the choice's `value`; multiple choice → the chosen values in the template's order; date →
 * `yyyy-mm-dd`; yes/no → boolean.
 */
export type FieldValue = number | string | boolean | string[];

/** A report's values by field key; null or absent: not answered. */
export type ReportValues = Record<string, FieldValue | null | undefined>;

export const DEFAULT_TEXT_MAX_LENGTH = 4000;
export const MAX_TEXT_LENGTH = 20_000;
export const DEFAULT_DECIMALS = 2;
export const MAX_DECIMALS = 6;

/** A snake_case identifier: field, section, rule and choice keys. */
export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 64;

export function isNumericField(field: ReportField): field is NumericField {
  return field.type === 'count' || field.type === 'decimal';
}

export function isChoiceField(field: ReportField): field is ChoiceField {
  return field.type === 'single_choice' || field.type === 'multiple_choice';
}

/** Every field of the template, section by section. */
export function templateFields(
  template: Pick<ReportTemplateDefinition, 'sections'>,
): ReportField[] {
  return template.sections.flatMap((section) => section.fields);
}

export function findField(
  template: Pick<ReportTemplateDefinition, 'sections'>,
  key: string,
): ReportField | undefined {
  return templateFields(template).find((field) => field.key === key);
}

/** Whether units of `kind` owe this template's report. */
export function isOwedBy(
  template: Pick<ReportTemplateDefinition, 'owedBy'>,
  kind: UnitKind,
): boolean {
  return template.owedBy.includes(kind);
}

/**
 * The options of a choice or yes/no field, in the order they are shown and numbered (1, 2, …):
 * the bot's buttons and numbered lists, and what `parseFieldInput` reads a typed number as.
 * Empty for other fields.
 */
export function fieldOptions(field: ReportField): { value: string | boolean; label: string }[] {
  if (field.type === 'yes_no') {
    return [
      { value: true, label: 'Có' },
      { value: false, label: 'Không' },
    ];
  }
  return isChoiceField(field) ? field.choices.map(({ value, label }) => ({ value, label })) : [];
}
