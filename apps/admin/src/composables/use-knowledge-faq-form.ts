import type { CreateFaqRequest, FaqResponse } from '@gcm/domain';
import type { LocationQuery } from 'vue-router';
import type { SetFieldError } from './use-form-submit';

/** The FAQ editor's fields; lists are edited as tags, optional texts as empty strings. */
export interface FaqForm {
  topicId: string;
  question: string;
  answer: string;
  alternates: string[];
  questionEn: string;
  answerEn: string;
  alternatesEn: string[];
  sources: string[];
  tags: string[];
  needsReview: boolean;
  /** The day the FAQ is due for review (YYYY-MM-DD), or null. */
  reviewDueOn: string | null;
}

/** The API's limits (apps/api …/faq.dto.ts), checked here first to say so in Vietnamese. */
export const FAQ_FORM_LIMITS = {
  questionMin: 5,
  question: 500,
  answerMin: 10,
  answer: 10_000,
  listItems: 30,
  listItem: 500,
} as const;

export function emptyFaqForm(): FaqForm {
  return {
    topicId: '',
    question: '',
    answer: '',
    alternates: [],
    questionEn: '',
    answerEn: '',
    alternatesEn: [],
    sources: [],
    tags: [],
    needsReview: false,
    reviewDueOn: null,
  };
}

/**
 * A new FAQ started from elsewhere (the inbox, the question log): `?question=…&answer=…` in the
 * address fill those fields. Anything else in the address is ignored.
 */
export function prefillFromQuery(query: LocationQuery): Partial<FaqForm> {
  const text = (value: unknown) =>
    typeof value === 'string' ? value.trim().slice(0, FAQ_FORM_LIMITS.answer) : '';
  const question = text(query.question).slice(0, FAQ_FORM_LIMITS.question);
  const answer = text(query.answer);
  return { ...(question ? { question } : {}), ...(answer ? { answer } : {}) };
}

export function formFromFaq(faq: FaqResponse): FaqForm {
  return {
    topicId: faq.topic.id,
    question: faq.question,
    answer: faq.answer,
    alternates: [...faq.alternates],
    questionEn: faq.questionEn ?? '',
    answerEn: faq.answerEn ?? '',
    alternatesEn: [...faq.alternatesEn],
    sources: [...faq.sources],
    tags: [...faq.tags],
    needsReview: faq.needsReview,
    reviewDueOn: faq.reviewDueOn ?? null,
  };
}

const cleanList = (items: string[]) => [
  ...new Set(items.map((item) => item.replace(/\s+/g, ' ').trim()).filter(Boolean)),
];
const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body for the form's content (the status is set by Publish and Archive only). */
export function toFaqRequest(form: FaqForm): CreateFaqRequest {
  return {
    topicId: form.topicId,
    question: form.question.trim(),
    answer: form.answer.trim(),
    alternates: cleanList(form.alternates),
    questionEn: optional(form.questionEn),
    answerEn: optional(form.answerEn),
    alternatesEn: cleanList(form.alternatesEn),
    sources: cleanList(form.sources),
    tags: cleanList(form.tags),
    needsReview: form.needsReview,
    reviewDueOn: form.reviewDueOn || null,
  };
}

/** Message keys (knowledge.faqForm.errors.*) with their values, for the form's own checks. */
type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The form's own checks, in the person's language; nothing is sent while one fails. */
export function checkFaqForm(form: FaqForm, set: SetFieldError, t: Translate): void {
  const L = FAQ_FORM_LIMITS;
  if (!form.topicId) set('topicId', t('knowledge.faqForm.errors.topic'));
  const question = form.question.trim();
  if (!question) set('question', t('knowledge.faqForm.errors.questionRequired'));
  else if (question.length < L.questionMin) {
    set('question', t('knowledge.faqForm.errors.tooShort', { min: L.questionMin }));
  } else if (question.length > L.question) {
    set('question', t('knowledge.faqForm.errors.tooLong', { max: L.question }));
  }
  const answer = form.answer.trim();
  if (!answer) set('answer', t('knowledge.faqForm.errors.answerRequired'));
  else if (answer.length < L.answerMin) {
    set('answer', t('knowledge.faqForm.errors.tooShort', { min: L.answerMin }));
  } else if (answer.length > L.answer) {
    set('answer', t('knowledge.faqForm.errors.tooLong', { max: L.answer }));
  }
  if (form.questionEn.trim().length > L.question) {
    set('questionEn', t('knowledge.faqForm.errors.tooLong', { max: L.question }));
  }
  if (form.answerEn.trim().length > L.answer) {
    set('answerEn', t('knowledge.faqForm.errors.tooLong', { max: L.answer }));
  }
  for (const field of ['alternates', 'alternatesEn', 'sources', 'tags'] as const) {
    const items = cleanList(form[field]);
    if (items.length > L.listItems) {
      set(field, t('knowledge.faqForm.errors.tooMany', { max: L.listItems }));
    } else if (items.some((item) => item.length > L.listItem)) {
      set(field, t('knowledge.faqForm.errors.itemTooLong', { max: L.listItem }));
    }
  }
}
