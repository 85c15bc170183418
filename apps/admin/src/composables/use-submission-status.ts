import type { SubmissionStatus } from '@gcm/domain';

/** The tag colour of each report status, the same on every reporting screen. */
export const statusTag: Record<SubmissionStatus, 'info' | 'primary' | 'warning' | 'success'> = {
  not_started: 'info',
  draft: 'info',
  submitted: 'primary',
  returned: 'warning',
  accepted: 'success',
};
