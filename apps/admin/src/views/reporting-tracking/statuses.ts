import type { TrackingStatus } from '@gcm/domain';

/** The colour of each status, the same in the counts and the table (Element Plus tag types). */
export const STATUS_TAG: Record<
  TrackingStatus,
  'info' | 'warning' | 'success' | 'danger' | 'primary'
> = {
  not_started: 'info',
  draft: 'warning',
  submitted_on_time: 'primary',
  submitted_late: 'warning',
  returned: 'danger',
  accepted: 'success',
};
