import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, isAppLocale, messages, type AppLocale } from './messages';

export * from './messages';

const STORAGE_KEY = 'gcm.locale';

function storedLocale(): AppLocale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isAppLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Vietnamese first; a missing English message falls back to the Vietnamese one. */
export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyDocumentLanguage(locale);
}

export function applyDocumentLanguage(locale: AppLocale = currentLocale()): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale.slice(0, 2);
}
