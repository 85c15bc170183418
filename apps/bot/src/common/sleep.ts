/**
 * Waits `ms`, or less when `signal` aborts (then it resolves, it does not throw: a stopping
 * worker wakes up and looks at its own state). Built on the global setTimeout so that tests
 * can use fake timers.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
