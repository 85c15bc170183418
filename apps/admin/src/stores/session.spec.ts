import { ApiError } from '@gcm/api-client';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as authApi from '@/api/auth';
import { userFactory } from '@/test-utils/factories';
import { useSessionStore } from './session';

vi.mock('@/api/auth', () => ({
  fetchMe: vi.fn(),
  login: vi.fn(),
  logout: vi.fn(),
  changePassword: vi.fn(),
}));

describe('useSessionStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(authApi.fetchMe).mockReset();
  });

  it('asks the API who is signed in only once', async () => {
    vi.mocked(authApi.fetchMe).mockResolvedValue(
      userFactory({ email: 'dieu.phoi@example.gov.vn', role: 'coordinator' }),
    );
    const sut = useSessionStore();

    await sut.ensureLoaded();
    await sut.ensureLoaded();

    expect(authApi.fetchMe).toHaveBeenCalledTimes(1);
    expect(sut.user?.email).toBe('dieu.phoi@example.gov.vn');
    expect(sut.canWriteUnits).toBe(true);
    expect(sut.isAdmin).toBe(false);
  });

  it('treats a 401 as nobody signed in', async () => {
    vi.mocked(authApi.fetchMe).mockRejectedValue(
      new ApiError(401, 'unauthenticated', 'Sign in to continue.'),
    );
    const sut = useSessionStore();

    expect(await sut.ensureLoaded()).toBeNull();
    expect(sut.loaded).toBe(true);
  });

  it('checks roles', async () => {
    vi.mocked(authApi.fetchMe).mockResolvedValue(userFactory({ role: 'unit_reporter' }));
    const sut = useSessionStore();
    await sut.ensureLoaded();

    expect(sut.hasRole(undefined)).toBe(true);
    expect(sut.hasRole(['admin'])).toBe(false);
    expect(sut.hasRole(['admin', 'unit_reporter'])).toBe(true);
    expect(sut.canWriteUnits).toBe(false);
  });

  it('reloads the user after a password change', async () => {
    vi.mocked(authApi.fetchMe)
      .mockResolvedValueOnce(userFactory({ mustChangePassword: true }))
      .mockResolvedValueOnce(userFactory({ mustChangePassword: false }));
    const sut = useSessionStore();
    await sut.ensureLoaded();
    expect(sut.mustChangePassword).toBe(true);

    await sut.changePassword('tam-thoi-123', 'mat-khau-moi-456');

    expect(authApi.changePassword).toHaveBeenCalledWith({
      currentPassword: 'tam-thoi-123',
      newPassword: 'mat-khau-moi-456',
    });
    expect(sut.mustChangePassword).toBe(false);
  });
});
