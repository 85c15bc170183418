import { isApiError } from '@gcm/api-client';
import { useI18n } from 'vue-i18n';
import { DEFAULT_LOCALE } from '@/locales/messages';

/** Looks a message key up; undefined when no locale has it. */
export type Translate = (key: string) => string | undefined;

/**
 * The message to show for a failed request: the error code's message in the current language
 * (Vietnamese from @gcm/domain's errorMessagesVi), else the server's own message.
 */
export function describeError(error: unknown, translate: Translate): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return translate('common.networkError') ?? error.message;
    return translate(`errors.${error.code}`) ?? error.message;
  }
  return translate('common.unexpectedError') ?? String(error);
}

export function useApiError() {
  const { t, te } = useI18n();
  const translate: Translate = (key) => (te(key) || te(key, DEFAULT_LOCALE) ? t(key) : undefined);
  return {
    describe: (error: unknown) => describeError(error, translate),
  };
}
