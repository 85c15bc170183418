import { isApiError } from '@gcm/api-client';
import { DIRECTORY_WRITERS, UNIT_WRITERS, type Role, type UserResponse } from '@gcm/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '@/api/auth';

/** The signed-in user: the one piece of state shared by every page. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<UserResponse | null>(null);
  /** True once we asked the API who is signed in (on the first navigation). */
  const loaded = ref(false);

  const role = computed<Role | null>(() => user.value?.role ?? null);
  const isAdmin = computed(() => role.value === 'admin');
  const canWriteUnits = computed(() => role.value !== null && UNIT_WRITERS.includes(role.value));
  const canWriteDirectory = computed(
    () => role.value !== null && DIRECTORY_WRITERS.includes(role.value),
  );
  const mustChangePassword = computed(() => user.value?.mustChangePassword === true);

  function hasRole(roles: readonly Role[] | undefined): boolean {
    return !roles || (role.value !== null && roles.includes(role.value));
  }

  /** Asks the API once who is signed in; a 401 (or no answer) means nobody. */
  async function ensureLoaded(): Promise<UserResponse | null> {
    if (loaded.value) return user.value;
    try {
      user.value = await authApi.fetchMe();
    } catch (error) {
      if (!isApiError(error)) throw error;
      user.value = null;
    } finally {
      loaded.value = true;
    }
    return user.value;
  }

  async function login(email: string, password: string): Promise<UserResponse> {
    const result = await authApi.login({ email, password });
    user.value = result.user;
    loaded.value = true;
    return result.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword({ currentPassword, newPassword });
    user.value = await authApi.fetchMe();
  }

  /** Forget the user (signed out, or the session expired). */
  function clear(): void {
    user.value = null;
    loaded.value = true;
  }

  /** The API refused a request until the password is changed. */
  function requirePasswordChange(): void {
    if (user.value) user.value = { ...user.value, mustChangePassword: true };
  }

  return {
    user,
    loaded,
    role,
    isAdmin,
    canWriteUnits,
    canWriteDirectory,
    mustChangePassword,
    hasRole,
    ensureLoaded,
    login,
    logout,
    changePassword,
    clear,
    requirePasswordChange,
  };
});
