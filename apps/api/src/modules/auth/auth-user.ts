import type { Role } from '@gcm/domain';

/** The signed-in user as guards and services see it. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  unitId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
}
