/**
 * Polls `check` until it returns true, or fails the test after `timeoutMs` naming `what`.
 * `check` may be async (an HTTP call to the API): each poll then waits for the one before.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Resolves after `ms`. Only to show that nothing *more* arrives (a message sent twice, a late
 * retry): an absence has no condition to wait for. Wait for what should arrive with waitFor.
 */
export const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
