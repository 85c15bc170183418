import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { i18n } from '@/locales';

/**
 * Runs a composable in a component's setup with the console's i18n, as a page does, and returns
 * what it returned: for composables that call useI18n(). Rendered on the server, so no DOM is
 * needed (and onMounted does not run).
 */
export async function withSetup<T>(composable: () => T): Promise<T> {
  let result: { value: T } | undefined;
  const app = createSSRApp({
    setup() {
      result = { value: composable() };
      return () => null;
    },
  });
  app.use(i18n);
  await renderToString(app);
  if (!result) throw new Error('the composable did not run');
  return result.value;
}
