import { ref, watch, type Ref } from 'vue';
import { useFormSubmit, type SetFieldError } from './use-form-submit';

/**
 * A dialog's form that adds or edits one record. It opens on a target (null: closed); each
 * opening builds the form afresh and forgets the last attempt's errors. Submitting checks the
 * form, then saves it, as useFormSubmit does, and hands what the API answered to `saved`.
 */
export function useDialogForm<T, F, R>(
  target: () => T | null,
  formOf: (target: T) => F,
  save: (form: F) => Promise<R>,
  check: (form: F, set: SetFieldError) => void,
  saved: (value: R) => void,
) {
  // Deep, so that the fields' v-models reach the form's properties.
  const form = ref(null) as Ref<F | null>;
  const submitted = useFormSubmit(
    () => save(form.value!),
    (set) => {
      if (form.value) check(form.value, set);
    },
  );
  watch(target, (next) => {
    submitted.reset();
    form.value = next === null ? null : formOf(next);
  });
  async function submit(): Promise<void> {
    const result = await submitted.submit();
    if (result.ok) saved(result.value);
  }

  return {
    form,
    fieldErrors: submitted.fieldErrors,
    busy: submitted.busy,
    error: submitted.error,
    submit,
  };
}
