import { useI18n } from 'vue-i18n';
import { confirmAction } from '@/plugins/element-plus';

/**
 * Asks before an action that takes something away (delete, revoke, lock): a dialog with the
 * question, the action's own words on its button and Cancel. Resolves true when confirmed.
 */
export function useConfirm() {
  const { t } = useI18n();
  return (message: string, confirmText: string, { danger = true } = {}): Promise<boolean> =>
    confirmAction(message, {
      title: t('common.confirmTitle'),
      confirmText,
      cancelText: t('common.cancel'),
      danger,
    });
}
