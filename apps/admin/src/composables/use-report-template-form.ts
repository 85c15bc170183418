import {
  MAX_KEY_LENGTH,
  TEMPLATE_KEY_PATTERN,
  editEffectiveFrom,
  fieldTypeLabelsVi,
  foldDiacritics,
  formatDateVi,
  parseRule,
  periodByKey,
  ruleFields,
  templateFields,
  validateTemplate,
  type ChoiceOption,
  type DueDayOfYear,
  type FieldType,
  type ReportField,
  type ReportSchedule,
  type ReportTemplateDefinition,
  type ReportTemplateInput,
  type ScheduleKind,
  type UnitKind,
} from '@gcm/domain';

/**
 * The template builder's form: what staff edit (numbers as typed text, choices as lines) and its
 * conversion to and from the API's `ReportTemplateInput`. The checks are the domain's own
 * (`validateTemplate`, `parseRule`), so the builder says what the API would, in Vietnamese, beside
 * the field concerned, before anything is sent.
 */

export interface FieldForm {
  /** A key for Vue's lists only; never sent. */
  uid: number;
  key: string;
  label: string;
  help: string;
  required: boolean;
  type: FieldType;
  /** min and max as typed: numbers for count/decimal, `YYYY-MM-DD` for a date. */
  min: string;
  max: string;
  unit: string;
  decimals: string;
  minLength: string;
  maxLength: string;
  minSelected: string;
  maxSelected: string;
  /** One choice per line: its label. Values are kept for labels already saved. */
  choicesText: string;
  /** The saved choices, to keep their stored values when the labels stay. */
  savedChoices: ChoiceOption[];
}

export interface SectionForm {
  uid: number;
  key: string;
  title: string;
  description: string;
  fields: FieldForm[];
}

export interface RuleForm {
  uid: number;
  key: string;
  expression: string;
  message: string;
}

export interface ScheduleForm {
  kind: ScheduleKind;
  /** yearly, and the first half of a half-yearly schedule. */
  day: string;
  month: string;
  nextYear: boolean;
  /** the second half of a half-yearly schedule. */
  secondDay: string;
  secondMonth: string;
  secondNextYear: boolean;
  /** quarterly and monthly. */
  monthsAfter: string;
  /** once. */
  firstDay: string;
  lastDay: string;
  dueDate: string;
  label: string;
}

export interface TemplateForm {
  code: string;
  title: string;
  description: string;
  owedBy: UnitKind[];
  schedule: ScheduleForm;
  sections: SectionForm[];
  rules: RuleForm[];
}

let nextUid = 1;
const uid = () => nextUid++;

/** A snake_case key from a Vietnamese label: "Số vụ việc" → `so_vu_viec`. */
export function keyFromLabel(label: string, fallback = 'truong'): string {
  const key = foldDiacritics(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'f_$1')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/_+$/, '');
  const safe = key && TEMPLATE_KEY_PATTERN.test(key) ? key : fallback;
  return ['and', 'or', 'not'].includes(safe) ? `${safe}_1` : safe;
}

/** A key not yet in `taken`: `base`, then `base_2`, `base_3`… */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function emptyField(type: FieldType = 'count'): FieldForm {
  return {
    uid: uid(),
    key: '',
    label: '',
    help: '',
    required: true,
    type,
    min: '',
    max: '',
    unit: '',
    decimals: '',
    minLength: '',
    maxLength: '',
    minSelected: '',
    maxSelected: '',
    choicesText: '',
    savedChoices: [],
  };
}

export function emptySection(): SectionForm {
  return { uid: uid(), key: '', title: '', description: '', fields: [emptyField()] };
}

export function emptyRule(): RuleForm {
  return { uid: uid(), key: '', expression: '', message: '' };
}

export function emptyTemplateForm(): TemplateForm {
  return {
    code: '',
    title: '',
    description: '',
    owedBy: [],
    schedule: {
      kind: 'yearly',
      day: '',
      month: '',
      nextYear: false,
      secondDay: '',
      secondMonth: '',
      secondNextYear: true,
      monthsAfter: '0',
      firstDay: '',
      lastDay: '',
      dueDate: '',
      label: '',
    },
    sections: [emptySection()],
    rules: [],
  };
}

const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));

function scheduleForm(schedule: ReportSchedule): ScheduleForm {
  const form = emptyTemplateForm().schedule;
  form.kind = schedule.kind;
  switch (schedule.kind) {
    case 'yearly':
      Object.assign(form, dayOfYear(schedule.due));
      break;
    case 'half_yearly': {
      Object.assign(form, dayOfYear(schedule.due.firstHalf));
      const second = dayOfYear(schedule.due.secondHalf);
      form.secondDay = second.day;
      form.secondMonth = second.month;
      form.secondNextYear = second.nextYear;
      break;
    }
    case 'quarterly':
    case 'monthly':
      form.day = text(schedule.due.day);
      form.monthsAfter = text(schedule.due.monthsAfter);
      break;
    case 'once':
      form.firstDay = schedule.firstDay;
      form.lastDay = schedule.lastDay;
      form.dueDate = schedule.dueDate;
      form.label = schedule.label ?? '';
      break;
  }
  return form;
}

function dayOfYear(due: DueDayOfYear) {
  return { day: text(due.day), month: text(due.month), nextYear: due.yearOffset === 1 };
}

function fieldForm(field: ReportField): FieldForm {
  const form = emptyField(field.type);
  Object.assign(form, {
    key: field.key,
    label: field.label,
    help: field.help ?? '',
    required: field.required,
  });
  switch (field.type) {
    case 'count':
    case 'decimal':
      form.min = text(field.min);
      form.max = text(field.max);
      form.unit = field.unit ?? '';
      if (field.type === 'decimal') form.decimals = text(field.decimals);
      break;
    case 'text':
      form.minLength = text(field.minLength);
      form.maxLength = text(field.maxLength);
      break;
    case 'date':
      form.min = field.min ?? '';
      form.max = field.max ?? '';
      break;
    case 'single_choice':
    case 'multiple_choice':
      form.choicesText = field.choices.map((choice) => choice.label).join('\n');
      form.savedChoices = field.choices.map((choice) => ({ ...choice }));
      if (field.type === 'multiple_choice') {
        form.minSelected = text(field.minSelected);
        form.maxSelected = text(field.maxSelected);
      }
      break;
    case 'yes_no':
      break;
  }
  return form;
}

/** The form for a saved definition (a template being edited, or a version copied). */
export function formFromDefinition(definition: ReportTemplateDefinition): TemplateForm {
  return {
    code: definition.code,
    title: definition.title,
    description: definition.description ?? '',
    owedBy: [...definition.owedBy],
    schedule: scheduleForm(definition.schedule),
    sections: definition.sections.map((section) => ({
      uid: uid(),
      key: section.key,
      title: section.title,
      description: section.description ?? '',
      fields: section.fields.map(fieldForm),
    })),
    rules: definition.rules.map((rule) => ({ uid: uid(), ...rule })),
  };
}

/**
 * A typed number: the number, or the text itself when it is not one (so that the domain's check
 * names the field instead of the value silently disappearing); undefined when empty.
 */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed.replace(',', '.'));
  return Number.isFinite(number) ? number : trimmed;
}

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);

/** Choices from the lines typed: a saved choice keeps its value while its label stays. */
export function choicesFrom(
  field: Pick<FieldForm, 'choicesText' | 'savedChoices'>,
): ChoiceOption[] {
  const labels = field.choicesText
    .split('\n')
    .map((line) => line.normalize('NFC').trim())
    .filter(Boolean);
  const taken = new Set<string>();
  return labels.map((label) => {
    const saved = field.savedChoices.find((choice) => choice.label === label);
    const value = uniqueKey(saved?.value ?? keyFromLabel(label, 'lua_chon'), taken);
    taken.add(value);
    return { value, label };
  });
}

function toField(form: FieldForm): ReportField {
  const base = {
    key: form.key.trim(),
    label: form.label.normalize('NFC').trim(),
    required: form.required,
    ...(optionalText(form.help) ? { help: form.help.normalize('NFC').trim() } : {}),
  };
  const extra: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined) extra[name] = value;
  };
  switch (form.type) {
    case 'count':
    case 'decimal':
      put('min', numberOrText(form.min));
      put('max', numberOrText(form.max));
      put('unit', optionalText(form.unit));
      if (form.type === 'decimal') put('decimals', numberOrText(form.decimals));
      break;
    case 'text':
      put('minLength', numberOrText(form.minLength));
      put('maxLength', numberOrText(form.maxLength));
      break;
    case 'date':
      put('min', optionalText(form.min));
      put('max', optionalText(form.max));
      break;
    case 'single_choice':
    case 'multiple_choice':
      put('choices', choicesFrom(form));
      if (form.type === 'multiple_choice') {
        put('minSelected', numberOrText(form.minSelected));
        put('maxSelected', numberOrText(form.maxSelected));
      }
      break;
    case 'yes_no':
      break;
  }
  return { ...base, type: form.type, ...extra } as ReportField;
}

function toDayOfYear(day: string, month: string, nextYear: boolean): DueDayOfYear {
  return {
    day: numberOrText(day) as number,
    month: numberOrText(month) as number,
    ...(nextYear ? { yearOffset: 1 as const } : {}),
  };
}

export function toSchedule(form: ScheduleForm): ReportSchedule {
  switch (form.kind) {
    case 'yearly':
      return { kind: 'yearly', due: toDayOfYear(form.day, form.month, form.nextYear) };
    case 'half_yearly':
      return {
        kind: 'half_yearly',
        due: {
          firstHalf: toDayOfYear(form.day, form.month, form.nextYear),
          secondHalf: toDayOfYear(form.secondDay, form.secondMonth, form.secondNextYear),
        },
      };
    case 'quarterly':
    case 'monthly':
      return {
        kind: form.kind,
        due: {
          day: numberOrText(form.day) as number,
          monthsAfter: numberOrText(form.monthsAfter) as number,
        },
      };
    case 'once':
      return {
        kind: 'once',
        firstDay: form.firstDay,
        lastDay: form.lastDay,
        dueDate: form.dueDate,
        ...(optionalText(form.label) ? { label: form.label.trim() } : {}),
      };
  }
}

/** What the API is sent: empty keys are made from the labels and titles. */
export function toTemplateInput(form: TemplateForm): ReportTemplateInput {
  const keys = new Set<string>();
  const keyFor = (given: string, label: string, fallback: string) => {
    const key = given.trim() || uniqueKey(keyFromLabel(label, fallback), keys);
    keys.add(key);
    return key;
  };
  const sections = form.sections.map((section, index) => ({
    key: section.key.trim() || `phan_${index + 1}`,
    title: section.title.normalize('NFC').trim(),
    ...(optionalText(section.description)
      ? { description: section.description.normalize('NFC').trim() }
      : {}),
    fields: section.fields.map((field) =>
      toField({ ...field, key: keyFor(field.key, field.label, 'truong') }),
    ),
  }));
  return {
    code: form.code.trim(),
    title: form.title.normalize('NFC').trim(),
    ...(optionalText(form.description)
      ? { description: form.description.normalize('NFC').trim() }
      : {}),
    owedBy: [...form.owedBy],
    schedule: toSchedule(form.schedule),
    sections,
    rules: form.rules.map((rule, index) => ({
      key: rule.key.trim() || `quy_tac_${index + 1}`,
      expression: rule.expression.trim(),
      message: rule.message.normalize('NFC').trim(),
    })),
  };
}

/**
 * The builder's problems by path (`sections[0].fields[1].label`), as the domain (and so the API)
 * words them. Empty when the template may be saved.
 */
export function checkTemplateForm(form: TemplateForm): Record<string, string> {
  const problems = validateTemplate({ ...toTemplateInput(form), version: 1 });
  const map: Record<string, string> = {};
  for (const { path, message } of problems) {
    map[path] = map[path] ? `${map[path]}; ${message}` : message;
  }
  return map;
}

/** The API's field errors (`definition.sections[0]…`) as the builder's paths. */
export function builderErrorsFrom(fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [
      field.replace(/^definition\.?/, ''),
      message,
    ]),
  );
}

/**
 * The messages under one part of the builder: the exact path and anything below it that has no
 * place of its own (`schedule.due.firstHalf.day` under `schedule`).
 */
export function errorsUnder(
  errors: Record<string, string>,
  path: string,
  except: readonly string[] = [],
): string | null {
  const under = (key: string, base: string) =>
    key === base || key.startsWith(`${base}.`) || key.startsWith(`${base}[`);
  const found = Object.entries(errors)
    .filter(([key]) => under(key, path) && !except.some((skip) => under(key, `${path}.${skip}`)))
    .map(([, message]) => message);
  return found.length ? [...new Set(found)].join('; ') : null;
}

export interface RuleFieldRef {
  key: string;
  /** The field's label; null when the template has no field of that key. */
  label: string | null;
  /** A whole number or a decimal: the only fields a rule can compute with. */
  numeric: boolean;
}

export type RuleCheck =
  | { ok: true; fields: RuleFieldRef[] }
  | { ok: false; message: string; position: number | null; fields: RuleFieldRef[] };

/**
 * A rule read as the domain reads it: the fields it uses (each with its label), or why it cannot
 * be read, or which fields it names that the template lacks or cannot compute with.
 */
export function checkRule(expression: string, form: TemplateForm): RuleCheck {
  const parsed = parseRule(expression);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.error.message,
      position: parsed.error.position,
      fields: [],
    };
  }
  const fields = templateFields(toTemplateInput(form));
  const refs = ruleFields(parsed.rule).map((key) => {
    const field = fields.find((candidate) => candidate.key === key);
    return {
      key,
      label: field?.label ?? null,
      numeric: field?.type === 'count' || field?.type === 'decimal',
    };
  });
  const unknown = refs.filter((ref) => ref.label === null).map((ref) => ref.key);
  if (unknown.length) {
    return {
      ok: false,
      message: `Mẫu chưa có trường ${unknown.map((key) => `“${key}”`).join(', ')}.`,
      position: null,
      fields: refs,
    };
  }
  const notNumeric = refs.filter((ref) => !ref.numeric).map((ref) => `“${ref.label}”`);
  if (notNumeric.length) {
    return {
      ok: false,
      message: `Quy tắc chỉ tính được với trường số; ${notNumeric.join(', ')} không phải trường số.`,
      position: null,
      fields: refs,
    };
  }
  return { ok: true, fields: refs };
}

/** Every field's key and label, for the rule editor's list of what it may use. */
export function fieldKeys(form: TemplateForm): { key: string; label: string; type: FieldType }[] {
  return templateFields(toTemplateInput(form)).map(({ key, label, type }) => ({
    key,
    label,
    type,
  }));
}

/** The period a new version saved now applies from: its key and label, or null. */
export function nextVersionPeriod(
  schedule: ReportSchedule,
  now: Date = new Date(),
): { key: string; label: string; firstDay: string } | null {
  const key = editEffectiveFrom(schedule, now);
  const period = key ? periodByKey(schedule, key) : null;
  return period && key
    ? { key, label: period.label, firstDay: formatDateVi(period.firstDay) }
    : null;
}

/** What a new version changes, for a person: one Vietnamese sentence per change. */
export function templateChanges(before: ReportTemplateInput, after: ReportTemplateInput): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Tên mẫu: “${before.title}” → “${after.title}”.`);
  if ((before.description ?? '') !== (after.description ?? '')) changes.push('Mô tả đã sửa.');
  const owedBefore = [...before.owedBy].sort().join(',');
  if (owedBefore !== [...after.owedBy].sort().join(',')) {
    changes.push('Loại đơn vị phải nộp đã thay đổi.');
  }
  if (JSON.stringify(before.schedule) !== JSON.stringify(after.schedule)) {
    changes.push('Lịch báo cáo (kỳ, hạn nộp) đã thay đổi.');
  }
  const oldFields = new Map(templateFields(before).map((field) => [field.key, field]));
  const newFields = new Map(templateFields(after).map((field) => [field.key, field]));
  for (const [key, field] of newFields) {
    const old = oldFields.get(key);
    if (!old) {
      changes.push(`Thêm trường “${field.label}” (${fieldTypeLabelsVi[field.type]}).`);
      continue;
    }
    const what: string[] = [];
    if (old.label !== field.label) what.push(`tên “${old.label}” → “${field.label}”`);
    if (old.type !== field.type) {
      what.push(`kiểu ${fieldTypeLabelsVi[old.type]} → ${fieldTypeLabelsVi[field.type]}`);
    }
    if (old.required !== field.required) {
      what.push(field.required ? 'thành bắt buộc' : 'thành không bắt buộc');
    }
    const { key: _k, label: _l, type: _t, required: _r, ...restOld } = old;
    const { key: _k2, label: _l2, type: _t2, required: _r2, ...restNew } = field;
    if (old.type === field.type && JSON.stringify(restOld) !== JSON.stringify(restNew)) {
      what.push('giới hạn, lựa chọn hoặc hướng dẫn đã sửa');
    }
    if (what.length) changes.push(`Trường “${field.label}”: ${what.join(', ')}.`);
  }
  for (const [key, field] of oldFields) {
    if (!newFields.has(key)) changes.push(`Bỏ trường “${field.label}”.`);
  }
  const oldRules = new Map(before.rules.map((rule) => [rule.key, rule]));
  const newRules = new Map(after.rules.map((rule) => [rule.key, rule]));
  for (const [key, rule] of newRules) {
    const old = oldRules.get(key);
    if (!old) changes.push(`Thêm quy tắc ${rule.expression}.`);
    else if (old.expression !== rule.expression || old.message !== rule.message) {
      changes.push(`Quy tắc ${old.expression} → ${rule.expression}.`);
    }
  }
  for (const [key, rule] of oldRules) {
    if (!newRules.has(key)) changes.push(`Bỏ quy tắc ${rule.expression}.`);
  }
  return changes;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dueOfYear = (due: DueDayOfYear) =>
  `${pad(due.day)}/${pad(due.month)}${due.yearOffset === 1 ? ' năm sau' : ''}`;

/** A schedule in a few Vietnamese words: "6 tháng một lần, hạn 05/07 và 05/01 năm sau". */
export function scheduleSummary(schedule: ReportSchedule): string {
  switch (schedule.kind) {
    case 'yearly':
      return `Hằng năm, hạn ${dueOfYear(schedule.due)}`;
    case 'half_yearly':
      return `6 tháng một lần, hạn ${dueOfYear(schedule.due.firstHalf)} và ${dueOfYear(schedule.due.secondHalf)}`;
    case 'quarterly':
    case 'monthly': {
      const after =
        schedule.due.monthsAfter === 0
          ? 'tháng cuối kỳ'
          : `${schedule.due.monthsAfter} tháng sau kỳ`;
      return `${schedule.kind === 'quarterly' ? 'Hằng quý' : 'Hằng tháng'}, hạn ngày ${schedule.due.day} ${after}`;
    }
    case 'once':
      return `Một lần, từ ${formatDateVi(schedule.firstDay)} đến ${formatDateVi(schedule.lastDay)}, hạn ${formatDateVi(schedule.dueDate)}`;
  }
}
