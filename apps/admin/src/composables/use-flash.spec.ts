import { beforeEach, describe, expect, it } from 'vitest';
import { flashAfterNavigation, useFlash } from './use-flash';

describe('useFlash', () => {
  const sut = useFlash();

  beforeEach(() => {
    sut.clear();
    flashAfterNavigation();
  });

  it('keeps a message set before a navigation until the navigation after it', () => {
    sut.show('Đã lưu', { beforeNavigation: true });

    flashAfterNavigation();
    expect(sut.text.value).toBe('Đã lưu');

    flashAfterNavigation();
    expect(sut.text.value).toBeNull();
  });

  it('clears a message for the current page at the next navigation', () => {
    sut.show('Đã xóa');
    expect(sut.text.value).toBe('Đã xóa');

    flashAfterNavigation();
    expect(sut.text.value).toBeNull();
  });
});
