import { createI18n } from 'vue-i18n';
import { messages, type AppLocale } from '@/locales/messages';

/**
 * The console's messages in one language outside a component, for specs of functions that take
 * a `t` (and a `te`, whether a key exists) instead of calling useI18n().
 */
export function translator(locale: AppLocale = 'vi-VN') {
  const i18n = createI18n({ legacy: false, locale, messages, missingWarn: false });
  return {
    t: (key: string, params?: Record<string, unknown>) =>
      i18n.global.t(key, params ?? {}) as string,
    te: (key: string) => i18n.global.te(key),
  };
}
