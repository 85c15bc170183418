import { foldDiacritics } from '../text';
import { UNIT_KINDS, type UnitKind } from '../units';
import { parseIsoDate } from './local-time';
import { parseRule, ruleFields } from './rules';
import { isIntegerIn, isRecord, type TemplateProblem, validateSchedule } from './schedule';
import {
  FIELD_TYPES,
  type FieldType,
  MAX_DECIMALS,
  MAX_KEY_LENGTH,
  MAX_TEXT_LENGTH,
  type ReportTemplateDefinition,
  TEMPLATE_KEY_PATTERN,
} from './template';

/** Bounds on a template's size: a form for a chat, not a spreadsheet. */
export const TEMPLATE_LIMITS = {
  sections: 30,
  fields: 200,
  rules: 100,
  choices: 50,
  titleLength: 300,
  labelLength: 300,
  helpLength: 1000,
  descriptionLength: 2000,
  ruleMessageLength: 500,
  unitLength: 30,
} as const;

/** Words of the rule language, which a field key cannot be. */
const RESERVED_KEYS = new Set(['and', 'or', 'not']);

const BASE_FIELD_PROPERTIES = ['key', 'label', 'help', 'required', 'type'];
const FIELD_PROPERTIES: Record<FieldType, string[]> = {
  count: ['min', 'max', 'unit'],
  decimal: ['min', 'max', 'decimals', 'unit'],
  text: ['minLength', 'maxLength'],
  single_choice: ['choices'],
  multiple_choice: ['choices', 'minSelected', 'maxSelected'],
  date: ['min', 'max'],
  yes_no: [],
};

/**
 * Problems with a template definition read from JSON (the console's editor, an import), each with
 * the path of what to fix (`sections[1].fields[0].key`) and a Vietnamese message. An empty list
 * means `input` is a valid `ReportTemplateDefinition`.
 *
 * Checked: the code, title and version; the unit kinds that owe it (known, at least one); the
 * schedule; sections and fields (snake_case keys, unique across the template, none of
 * and/or/not; labels; a known type and only the properties of that type; min ≤ max; choices for
 * choice types, unique by value and by label read without diacritics, no label that is just a
 * number since people choose by number); rules (they parse, name existing fields, and only
 * count or decimal ones; a message to show).
 */
export function validateTemplate(input: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(input)) {
    add('', 'Mẫu báo cáo không hợp lệ.');
    return problems;
  }
  if (typeof input.code !== 'string' || !isKey(input.code)) {
    add(
      'code',
      'Mã mẫu báo cáo chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ bao_cao_nam.',
    );
  }
  checkText(input.title, 'title', 'Tên mẫu báo cáo', TEMPLATE_LIMITS.titleLength, true, add);
  checkText(
    input.description,
    'description',
    'Mô tả',
    TEMPLATE_LIMITS.descriptionLength,
    false,
    add,
  );
  if (!isIntegerIn(input.version, 1, Number.MAX_SAFE_INTEGER)) {
    add('version', 'Số phiên bản phải là số nguyên từ 1 trở lên.');
  }
  checkOwedBy(input.owedBy, add);
  problems.push(...validateSchedule(input.schedule));
  const numericKeys = new Map<string, boolean>();
  checkSections(input.sections, numericKeys, add);
  checkRules(input.rules, numericKeys, add);
  return problems;
}

/** `validateTemplate` as a type guard. */
export function isValidTemplate(input: unknown): input is ReportTemplateDefinition {
  return validateTemplate(input).length === 0;
}

type Add = (path: string, message: string) => void;

function checkOwedBy(input: unknown, add: Add): void {
  if (!Array.isArray(input) || input.length === 0) {
    add('owedBy', 'Chọn ít nhất một loại đơn vị phải nộp báo cáo này.');
    return;
  }
  const seen = new Set<string>();
  input.forEach((kind, index) => {
    if (!UNIT_KINDS.includes(kind as UnitKind)) {
      add(`owedBy[${index}]`, `Loại đơn vị “${String(kind)}” không tồn tại.`);
    } else if (seen.has(kind)) {
      add(`owedBy[${index}]`, `Loại đơn vị “${kind}” bị lặp lại.`);
    }
    seen.add(kind);
  });
}

/** Fills `numericKeys`: every field key, true for count and decimal fields. */
function checkSections(input: unknown, numericKeys: Map<string, boolean>, add: Add): void {
  if (!Array.isArray(input) || input.length === 0) {
    add('sections', 'Mẫu báo cáo cần ít nhất một phần có trường để nhập.');
    return;
  }
  if (input.length > TEMPLATE_LIMITS.sections) {
    add('sections', `Mẫu báo cáo có tối đa ${TEMPLATE_LIMITS.sections} phần.`);
    return;
  }
  const sectionKeys = new Set<string>();
  const fieldPaths = new Map<string, string>();
  let fieldCount = 0;
  input.forEach((section, index) => {
    const path = `sections[${index}]`;
    if (!isRecord(section)) {
      add(path, 'Phần này không hợp lệ.');
      return;
    }
    if (typeof section.key !== 'string' || !isKey(section.key)) {
      add(`${path}.key`, keyMessage('Mã phần'));
    } else if (sectionKeys.has(section.key)) {
      add(`${path}.key`, `Mã phần “${section.key}” bị trùng.`);
    } else {
      sectionKeys.add(section.key);
    }
    checkText(section.title, `${path}.title`, 'Tên phần', TEMPLATE_LIMITS.titleLength, true, add);
    checkText(
      section.description,
      `${path}.description`,
      'Mô tả phần',
      TEMPLATE_LIMITS.descriptionLength,
      false,
      add,
    );
    if (!Array.isArray(section.fields) || section.fields.length === 0) {
      add(`${path}.fields`, 'Mỗi phần cần ít nhất một trường.');
      return;
    }
    section.fields.forEach((field, fieldIndex) => {
      fieldCount += 1;
      if (fieldCount > TEMPLATE_LIMITS.fields) {
        if (fieldCount === TEMPLATE_LIMITS.fields + 1) {
          add(
            `${path}.fields[${fieldIndex}]`,
            `Mẫu báo cáo có tối đa ${TEMPLATE_LIMITS.fields} trường.`,
          );
        }
        return;
      }
      checkField(field, `${path}.fields[${fieldIndex}]`, fieldPaths, numericKeys, add);
    });
  });
}

function checkField(
  field: unknown,
  path: string,
  fieldPaths: Map<string, string>,
  numericKeys: Map<string, boolean>,
  add: Add,
): void {
  if (!isRecord(field)) {
    add(path, 'Trường này không hợp lệ.');
    return;
  }
  const key = field.key;
  if (typeof key !== 'string' || !isKey(key)) {
    add(`${path}.key`, keyMessage('Mã trường'));
  } else if (RESERVED_KEYS.has(key)) {
    add(`${path}.key`, `Không dùng “${key}” làm mã trường: đó là từ khóa của quy tắc kiểm tra.`);
  } else if (fieldPaths.has(key)) {
    add(`${path}.key`, `Mã trường “${key}” đã dùng ở ${fieldPaths.get(key)}.`);
  } else {
    fieldPaths.set(key, path);
    numericKeys.set(key, field.type === 'count' || field.type === 'decimal');
  }
  checkText(
    field.label,
    `${path}.label`,
    'Nhãn của trường',
    TEMPLATE_LIMITS.labelLength,
    true,
    add,
  );
  checkText(field.help, `${path}.help`, 'Hướng dẫn', TEMPLATE_LIMITS.helpLength, false, add);
  if (typeof field.required !== 'boolean') {
    add(`${path}.required`, 'Cần cho biết trường này có bắt buộc hay không.');
  }
  const type = field.type as FieldType;
  if (!FIELD_TYPES.includes(type)) {
    add(
      `${path}.type`,
      'Kiểu trường không hợp lệ; chọn số nguyên, số thập phân, văn bản, chọn một, chọn nhiều, ngày hoặc có/không.',
    );
    return;
  }
  const allowed = new Set([...BASE_FIELD_PROPERTIES, ...FIELD_PROPERTIES[type]]);
  for (const property of Object.keys(field)) {
    if (!allowed.has(property)) {
      add(`${path}.${property}`, `Thuộc tính “${property}” không dùng cho trường kiểu này.`);
    }
  }
  switch (type) {
    case 'count':
      checkBounds(
        field,
        path,
        add,
        (value) => isIntegerIn(value, 0, Number.MAX_SAFE_INTEGER),
        'một số nguyên không âm',
      );
      checkText(field.unit, `${path}.unit`, 'Đơn vị tính', TEMPLATE_LIMITS.unitLength, false, add);
      break;
    case 'decimal':
      checkBounds(
        field,
        path,
        add,
        (value) => typeof value === 'number' && Number.isFinite(value),
        'một số',
      );
      if (field.decimals !== undefined && !isIntegerIn(field.decimals, 0, MAX_DECIMALS)) {
        add(`${path}.decimals`, `Số chữ số thập phân phải từ 0 đến ${MAX_DECIMALS}.`);
      }
      checkText(field.unit, `${path}.unit`, 'Đơn vị tính', TEMPLATE_LIMITS.unitLength, false, add);
      break;
    case 'text':
      checkLengths(field, path, add);
      break;
    case 'single_choice':
    case 'multiple_choice':
      checkChoices(field, path, add);
      break;
    case 'date':
      checkBounds(
        field,
        path,
        add,
        (value) => typeof value === 'string' && parseIsoDate(value) !== null,
        'một ngày dạng năm-tháng-ngày, ví dụ 2026-07-05',
      );
      break;
    case 'yes_no':
      break;
  }
}

function checkBounds(
  field: Record<string, unknown>,
  path: string,
  add: Add,
  isValid: (value: unknown) => boolean,
  expected: string,
): void {
  let valid = true;
  for (const bound of ['min', 'max'] as const) {
    if (field[bound] !== undefined && !isValid(field[bound])) {
      add(
        `${path}.${bound}`,
        `Giá trị ${bound === 'min' ? 'nhỏ nhất' : 'lớn nhất'} phải là ${expected}.`,
      );
      valid = false;
    }
  }
  const { min, max } = field as { min?: number | string; max?: number | string };
  if (valid && min !== undefined && max !== undefined && min > max) {
    add(`${path}.max`, 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.');
  }
}

function checkLengths(field: Record<string, unknown>, path: string, add: Add): void {
  const { minLength, maxLength } = field;
  const minOk = minLength === undefined || isIntegerIn(minLength, 0, MAX_TEXT_LENGTH);
  const maxOk = maxLength === undefined || isIntegerIn(maxLength, 1, MAX_TEXT_LENGTH);
  if (!minOk) add(`${path}.minLength`, `Độ dài tối thiểu phải từ 0 đến ${MAX_TEXT_LENGTH} ký tự.`);
  if (!maxOk) add(`${path}.maxLength`, `Độ dài tối đa phải từ 1 đến ${MAX_TEXT_LENGTH} ký tự.`);
  if (
    minOk &&
    maxOk &&
    typeof minLength === 'number' &&
    typeof maxLength === 'number' &&
    minLength > maxLength
  ) {
    add(`${path}.maxLength`, 'Độ dài tối đa phải không nhỏ hơn độ dài tối thiểu.');
  }
}

function checkChoices(field: Record<string, unknown>, path: string, add: Add): void {
  const choices = field.choices;
  if (!Array.isArray(choices) || choices.length < 2) {
    add(`${path}.choices`, 'Trường lựa chọn cần ít nhất hai lựa chọn.');
    return;
  }
  if (choices.length > TEMPLATE_LIMITS.choices) {
    add(`${path}.choices`, `Trường lựa chọn có tối đa ${TEMPLATE_LIMITS.choices} lựa chọn.`);
    return;
  }
  const values = new Set<string>();
  const labels = new Map<string, number>();
  choices.forEach((choice, index) => {
    const at = `${path}.choices[${index}]`;
    if (!isRecord(choice)) {
      add(at, 'Lựa chọn này không hợp lệ.');
      return;
    }
    if (typeof choice.value !== 'string' || !isKey(choice.value)) {
      add(`${at}.value`, keyMessage('Mã lựa chọn'));
    } else if (values.has(choice.value)) {
      add(`${at}.value`, `Mã lựa chọn “${choice.value}” bị trùng.`);
    } else {
      values.add(choice.value);
    }
    if (
      !checkText(
        choice.label,
        `${at}.label`,
        'Tên lựa chọn',
        TEMPLATE_LIMITS.labelLength,
        true,
        add,
      )
    ) {
      return;
    }
    const label = choice.label as string;
    const folded = foldDiacritics(label.normalize('NFC').toLowerCase())
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (/^\d+$/.test(folded)) {
      add(
        `${at}.label`,
        'Tên lựa chọn không được chỉ là một con số: người báo cáo chọn bằng cách gõ số thứ tự.',
      );
    } else if (labels.has(folded)) {
      add(
        `${at}.label`,
        `Tên lựa chọn “${label}” trùng với lựa chọn ${(labels.get(folded) as number) + 1} khi gõ không dấu.`,
      );
    } else {
      labels.set(folded, index);
    }
  });
  if (field.type === 'multiple_choice') {
    const { minSelected, maxSelected } = field;
    const minOk = minSelected === undefined || isIntegerIn(minSelected, 0, choices.length);
    const maxOk = maxSelected === undefined || isIntegerIn(maxSelected, 1, choices.length);
    if (!minOk)
      add(`${path}.minSelected`, `Số lựa chọn tối thiểu phải từ 0 đến ${choices.length}.`);
    if (!maxOk) add(`${path}.maxSelected`, `Số lựa chọn tối đa phải từ 1 đến ${choices.length}.`);
    if (
      minOk &&
      maxOk &&
      typeof minSelected === 'number' &&
      typeof maxSelected === 'number' &&
      minSelected > maxSelected
    ) {
      add(`${path}.maxSelected`, 'Số lựa chọn tối đa phải không nhỏ hơn số lựa chọn tối thiểu.');
    }
  }
}

function checkRules(input: unknown, numericKeys: Map<string, boolean>, add: Add): void {
  if (input === undefined) {
    add('rules', 'Cần danh sách quy tắc kiểm tra (có thể để trống).');
    return;
  }
  if (!Array.isArray(input)) {
    add('rules', 'Danh sách quy tắc kiểm tra không hợp lệ.');
    return;
  }
  if (input.length > TEMPLATE_LIMITS.rules) {
    add('rules', `Mẫu báo cáo có tối đa ${TEMPLATE_LIMITS.rules} quy tắc kiểm tra.`);
    return;
  }
  const ruleKeys = new Set<string>();
  input.forEach((rule, index) => {
    const path = `rules[${index}]`;
    if (!isRecord(rule)) {
      add(path, 'Quy tắc này không hợp lệ.');
      return;
    }
    if (typeof rule.key !== 'string' || !isKey(rule.key)) {
      add(`${path}.key`, keyMessage('Mã quy tắc'));
    } else if (ruleKeys.has(rule.key)) {
      add(`${path}.key`, `Mã quy tắc “${rule.key}” bị trùng.`);
    } else {
      ruleKeys.add(rule.key);
    }
    checkText(
      rule.message,
      `${path}.message`,
      'Thông báo khi vi phạm',
      TEMPLATE_LIMITS.ruleMessageLength,
      true,
      add,
    );
    const parsed = parseRule(typeof rule.expression === 'string' ? rule.expression : '');
    if (!parsed.ok) {
      add(`${path}.expression`, parsed.error.message);
      return;
    }
    // Without readable fields, every name would be reported: the sections' problems say enough.
    if (numericKeys.size === 0) return;
    for (const key of ruleFields(parsed.rule)) {
      const numeric = numericKeys.get(key);
      if (numeric === undefined) {
        add(`${path}.expression`, `Quy tắc dùng trường “${key}” không có trong mẫu báo cáo.`);
      } else if (!numeric) {
        add(
          `${path}.expression`,
          `Trường “${key}” không phải số (số nguyên hoặc số thập phân) nên không dùng được trong quy tắc.`,
        );
      }
    }
  });
}

/** Checks an optional or required text property; true when it is present and valid. */
function checkText(
  value: unknown,
  path: string,
  name: string,
  maxLength: number,
  required: boolean,
  add: Add,
): boolean {
  if (value === undefined && !required) return false;
  if (typeof value !== 'string' || !value.trim()) {
    add(path, `${name} không được để trống.`);
    return false;
  }
  if (value.length > maxLength) {
    add(path, `${name} dài quá ${maxLength} ký tự.`);
    return false;
  }
  return true;
}

function isKey(text: string): boolean {
  return text.length <= MAX_KEY_LENGTH && TEMPLATE_KEY_PATTERN.test(text);
}

function keyMessage(name: string): string {
  return `${name} chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, ví dụ so_nan_nhan (tối đa ${MAX_KEY_LENGTH} ký tự).`;
}
