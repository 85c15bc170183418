import { isApiError } from '@gcm/api-client';
import type { FieldError } from '@gcm/domain';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { DEFAULT_LOCALE } from '@/locales/messages';
import { fieldErrorText } from '@/utils/field-error-text';

/** How a field error is worded beside its field. */
export type FieldErrorText = (error: FieldError) => string;

/**
 * One message per field: several messages for the same field are joined. `text` words each
 * (the API's English reasons in the console's language, see useFieldErrorText).
 */
export function toFieldMap(
  list: readonly FieldError[],
  text: FieldErrorText = (error) => error.message,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of list) {
    const message = text(error);
    map[error.field] = map[error.field] ? `${map[error.field]}; ${message}` : message;
  }
  return map;
}

/** The API's field errors in the console's language (see fieldErrorText); needs a setup. */
export function useFieldErrorText(): FieldErrorText {
  const { t, te } = useI18n();
  const has = (key: string) => te(key) || te(key, DEFAULT_LOCALE);
  return (error) => fieldErrorText(error, t, has);
}

/**
 * Per-field errors of a form: from the API's `validation_failed` details, in the console's
 * language, or set by the form's own checks before it sends anything.
 */
export function useFormErrors() {
  const fieldErrors = ref<Record<string, string>>({});
  const hasFieldErrors = computed(() => Object.keys(fieldErrors.value).length > 0);
  const text = useFieldErrorText();

  /** Takes the field errors of an API error; true when there were any. */
  function setFromError(error: unknown): boolean {
    const list = isApiError(error) ? error.fieldErrors : [];
    fieldErrors.value = toFieldMap(list, text);
    return list.length > 0;
  }

  function set(field: string, message: string): void {
    fieldErrors.value = { ...fieldErrors.value, [field]: message };
  }

  function clear(): void {
    fieldErrors.value = {};
  }

  return { fieldErrors, hasFieldErrors, setFromError, set, clear, text };
}
