import { isApiError } from '@gcm/api-client';
import type { CsvRowError } from '@gcm/domain';
import { computed, ref, type Ref } from 'vue';
import { useAction } from './use-action';

/**
 * A CSV import sent to the API, checked first (`dryRun`) then run: the answer of the last run,
 * the file's line errors when the API refuses it (`csv_invalid`), and any other error apart.
 */
export function useCsvImport<R>(send: (dryRun: boolean) => Promise<R>) {
  const action = useAction(send);
  const result = ref<R | null>(null) as Ref<R | null>;
  const rowErrors = ref<CsvRowError[]>([]);
  /** An error that is not about the file's lines (shown as an alert, not in the table). */
  const otherError = computed(() => {
    const error = action.error.value;
    return error && !(isApiError(error) && error.code === 'csv_invalid') ? error : null;
  });

  /** Forgets the last answer, e.g. when the file changes. */
  function clear(): void {
    result.value = null;
    rowErrors.value = [];
  }

  /** Sends the file; true when the API accepted it. */
  async function run(dryRun: boolean): Promise<boolean> {
    clear();
    const outcome = await action.run(dryRun);
    if (outcome.ok) {
      result.value = outcome.value;
    } else {
      const error = action.error.value;
      if (isApiError(error)) rowErrors.value = error.csvRowErrors;
    }
    return outcome.ok;
  }

  return { busy: action.busy, result, rowErrors, otherError, clear, run };
}
