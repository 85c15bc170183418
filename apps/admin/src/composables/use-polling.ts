import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Calls `tick` every `intervalMs` while the page is shown; paused while the browser tab is
 * hidden, and run once at once when it is shown again. Stops when the component goes away.
 */
export function usePolling(tick: () => unknown, intervalMs: number) {
  let timer: ReturnType<typeof setInterval> | undefined;

  function start(): void {
    stop();
    timer = setInterval(() => void tick(), intervalMs);
  }
  function stop(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }
  function onVisibility(): void {
    if (document.hidden) {
      stop();
    } else {
      void tick();
      start();
    }
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    if (!document.hidden) start();
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    stop();
  });

  return { start, stop };
}
