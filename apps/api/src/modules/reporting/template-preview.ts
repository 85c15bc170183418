import {
  fieldHintVi,
  fieldOptions,
  FieldPrompt,
  ReportField,
  ReportTemplateDefinition,
  ReportTemplatePreviewResponse,
} from '@gcm/domain';

/**
 * A template as the bot asks it: per field, the message it sends (label, help, what to type) and
 * the numbered options of a choice or yes/no field. The console shows this beside the editor.
 */
export function previewTemplate(
  definition: Omit<ReportTemplateDefinition, 'version'>,
  version: number | null,
): ReportTemplatePreviewResponse {
  return {
    title: definition.title,
    version,
    sections: definition.sections.map((section) => ({
      key: section.key,
      title: section.title,
      description: section.description ?? null,
      prompts: section.fields.map(fieldPrompt),
    })),
    rules: definition.rules.map(({ key, expression, message }) => ({ key, expression, message })),
  };
}

export function fieldPrompt(field: ReportField): FieldPrompt {
  const hint = fieldHintVi(field);
  const options = fieldOptions(field).map((option, index) => ({ number: index + 1, ...option }));
  const lines = [field.required ? `${field.label} (bắt buộc)` : field.label];
  if (field.help) lines.push(field.help);
  if (options.length > 0) lines.push(options.map((o) => `${o.number}. ${o.label}`).join('\n'));
  lines.push(hint);
  return {
    key: field.key,
    type: field.type,
    required: field.required,
    label: field.label,
    help: field.help ?? null,
    hint,
    text: lines.join('\n'),
    options,
  };
}
