import { isApiError } from '@gcm/api-client';
import type { FieldError } from '@gcm/domain';
import { computed, ref } from 'vue';

/** One message per field: several messages for the same field are joined. */
export function toFieldMap(list: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field, message } of list) {
    map[field] = map[field] ? `${map[field]}; ${message}` : message;
  }
  return map;
}

/**
 * Per-field errors of a form: from the API's `validation_failed` details, or set by the form's
 * own checks before it sends anything.
 */
export function useFormErrors() {
  const fieldErrors = ref<Record<string, string>>({});
  const hasFieldErrors = computed(() => Object.keys(fieldErrors.value).length > 0);

  /** Takes the field errors of an API error; true when there were any. */
  function setFromError(error: unknown): boolean {
    const list = isApiError(error) ? error.fieldErrors : [];
    fieldErrors.value = toFieldMap(list);
    return list.length > 0;
  }

  function set(field: string, message: string): void {
    fieldErrors.value = { ...fieldErrors.value, [field]: message };
  }

  function clear(): void {
    fieldErrors.value = {};
  }

  return { fieldErrors, hasFieldErrors, setFromError, set, clear };
}
