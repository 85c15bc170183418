import { useAction } from './use-action';
import { useFormErrors } from './use-form-errors';

/** Puts a message beside a field; the form's own checks call it for each wrong field. */
export type SetFieldError = (field: string, message: string) => void;

/**
 * A form's submit: the form's own checks first (nothing is sent while a field is wrong), then
 * the save, once at a time, with its busy flag and error. The API's field errors (a
 * validation_failed answer) go beside their fields.
 */
export function useFormSubmit<R>(
  save: () => Promise<R>,
  check: (set: SetFieldError) => void = () => {},
) {
  const { fieldErrors, hasFieldErrors, set, clear, setFromError } = useFormErrors();
  const { busy, error, run } = useAction(save);

  async function submit(): Promise<{ ok: true; value: R } | { ok: false }> {
    clear();
    check(set);
    if (hasFieldErrors.value) return { ok: false };
    const result = await run();
    if (!result.ok) setFromError(error.value);
    return result;
  }

  /** Forgets the last attempt: its field errors and its error (a form opened afresh). */
  function reset(): void {
    clear();
    error.value = null;
  }

  return { fieldErrors, busy, error, submit, reset };
}
