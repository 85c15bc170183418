import type { ExplainResponse } from '@gcm/domain';
import { ref, shallowRef } from 'vue';
import { explainQuestion } from '@/api/knowledge';
import { useAction } from './use-action';

/** What the bot does with a question, as the "try a question" panel says it. */
export type TryOutcome = 'answered' | 'ambiguous' | 'no_answer' | 'out_of_field' | 'danger';

export function outcomeOf(result: ExplainResponse): TryOutcome {
  if (result.danger) return 'danger';
  if (result.status === 'no_answer' && !result.inField) return 'out_of_field';
  return result.status;
}

/**
 * "Try a question": asks the API what the bot would do with a question (nothing is logged and
 * no inbox item opened), keeping the last result and the question it was for.
 */
export function useKnowledgeTry(
  explain: (text: string) => Promise<ExplainResponse> = explainQuestion,
) {
  const text = ref('');
  const result = shallowRef<ExplainResponse | null>(null);
  const askedText = ref('');
  const action = useAction(explain);

  async function run(question = text.value): Promise<ExplainResponse | null> {
    const trimmed = question.trim();
    if (!trimmed) return null;
    const outcome = await action.run(trimmed);
    if (!outcome.ok) return null;
    result.value = outcome.value;
    askedText.value = trimmed;
    return outcome.value;
  }

  return { text, result, askedText, busy: action.busy, error: action.error, run };
}
