import { readonly, ref } from 'vue';

/**
 * A one-line confirmation ("Đã lưu đơn vị …") shown at the top of the page. Set before a
 * navigation, it is shown on the page navigated to and cleared by the navigation after that.
 */
const text = ref<string | null>(null);
let keepForNextNavigation = false;

export function useFlash() {
  return {
    text: readonly(text),
    /** `beforeNavigation`: the message is for the page about to be opened. */
    show(message: string, { beforeNavigation = false } = {}): void {
      text.value = message;
      keepForNextNavigation = beforeNavigation;
    },
    clear(): void {
      text.value = null;
    },
  };
}

/** The router calls this after every navigation. */
export function flashAfterNavigation(): void {
  if (keepForNextNavigation) keepForNextNavigation = false;
  else text.value = null;
}
