import { validateValue } from './field-input';
import { evaluateRule, parseRule } from './rules';
import {
  type FieldValue,
  type ReportField,
  type ReportTemplateDefinition,
  type ReportValues,
  templateFields,
} from './template';

/**
 * What is wrong with a report's values: a field's value (`field`), a required field left empty
 * (`field`), or a cross-field rule broken (`rule`, with the `fields` it names). Messages are
 * Vietnamese, ready to show.
 */
export type ReportProblem =
  | { kind: 'invalid_value'; field: string; message: string }
  | { kind: 'unknown_field'; field: string; message: string }
  | { kind: 'missing_required'; field: string; message: string }
  | { kind: 'rule_failed'; rule: string; fields: string[]; message: string };

/**
 * `draft`: a report being filled in; values given must be valid, nothing else is required.
 * `submit`: the report as sent; every required field answered and every rule holding too.
 */
export type ReportCheckMode = 'draft' | 'submit';

export interface ReportCheck {
  /** The template's fields only, each value tidied by `validateValue` (null when not answered). */
  values: ReportValues;
  problems: ReportProblem[];
}

/**
 * Checks a report's values against its template version, for saving a draft or for submitting.
 * Keys that are not fields of the template are problems (a client sending a stale form).
 */
export function checkReport(
  template: ReportTemplateDefinition,
  values: Readonly<Record<string, unknown>>,
  mode: ReportCheckMode,
): ReportCheck {
  const problems: ReportProblem[] = [];
  const fields = templateFields(template);
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      problems.push({
        kind: 'unknown_field',
        field: key,
        message: `Trường “${key}” không có trong mẫu báo cáo.`,
      });
    }
  }
  const clean: ReportValues = {};
  for (const field of fields) {
    const given = Object.prototype.hasOwnProperty.call(values, field.key)
      ? values[field.key]
      : null;
    const result = validateValue({ ...field, required: false } as ReportField, given);
    if (!result.ok) {
      problems.push({
        kind: 'invalid_value',
        field: field.key,
        message: `${field.label}: ${result.message}`,
      });
      clean[field.key] = null;
      continue;
    }
    clean[field.key] = result.value;
    if (mode === 'submit' && field.required && isUnanswered(result.value)) {
      problems.push({
        kind: 'missing_required',
        field: field.key,
        message: `Chưa trả lời mục bắt buộc “${field.label}”.`,
      });
    }
  }
  if (mode === 'submit') problems.push(...failedRules(template, clean));
  return { values: clean, problems };
}

/**
 * The rules of the template that the values break (rules whose values are missing are skipped,
 * see rules.ts). The bot can call this after each answer to point out a mistake at once.
 */
export function failedRules(
  template: Pick<ReportTemplateDefinition, 'rules'>,
  values: Readonly<Record<string, unknown>>,
): Extract<ReportProblem, { kind: 'rule_failed' }>[] {
  const failed: Extract<ReportProblem, { kind: 'rule_failed' }>[] = [];
  for (const rule of template.rules) {
    const parsed = parseRule(rule.expression);
    // A template that passed validateTemplate has only rules that parse.
    if (!parsed.ok) continue;
    const outcome = evaluateRule(parsed.rule, values);
    if (!outcome.ok) {
      failed.push({
        kind: 'rule_failed',
        rule: rule.key,
        fields: outcome.fields,
        message: rule.message,
      });
    }
  }
  return failed;
}

/**
 * The fields not answered yet, in the template's order: what the bot asks next. With
 * `requiredOnly`, only the required ones (what still blocks submission).
 */
export function unansweredFields(
  template: Pick<ReportTemplateDefinition, 'sections'>,
  values: Readonly<Record<string, unknown>>,
  options: { requiredOnly?: boolean } = {},
): ReportField[] {
  return templateFields(template).filter((field) => {
    if (options.requiredOnly && !field.required) return false;
    const value = Object.prototype.hasOwnProperty.call(values, field.key)
      ? values[field.key]
      : null;
    // An empty list is an answer ("none of these"); only null or absent is not.
    return value === null || value === undefined;
  });
}

function isUnanswered(value: FieldValue | null | undefined): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}
