import { describe, expect, it } from 'vitest';
import { useAction } from './use-action';

describe('useAction', () => {
  it('returns the value and clears busy', async () => {
    const sut = useAction(async (a: number, b: number) => a + b);

    const pending = sut.run(2, 3);
    expect(sut.busy.value).toBe(true);

    expect(await pending).toEqual({ ok: true, value: 5 });
    expect(sut.busy.value).toBe(false);
  });

  it('keeps the error instead of throwing', async () => {
    const failure = new Error('nope');
    const sut = useAction(async () => {
      throw failure;
    });

    expect(await sut.run()).toEqual({ ok: false });
    expect(sut.error.value).toBe(failure);
  });

  it('does not start a second run while the first is busy', async () => {
    let calls = 0;
    const sut = useAction(async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    });

    const [first, second] = await Promise.all([sut.run(), sut.run()]);

    expect(first.ok).toBe(true);
    expect(second.ok).toBe(false);
    expect(calls).toBe(1);
  });
});
