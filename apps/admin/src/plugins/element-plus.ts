/**
 * What the console takes from Element Plus outside templates (docs/adr/0006): its language,
 * following the console's, and the message and confirmation services with their CSS. Templates
 * get their <el-…> components on demand from unplugin-vue-components.
 */
import { ElMessage, ElMessageBox } from 'element-plus';
import en from 'element-plus/es/locale/lang/en';
import vi from 'element-plus/es/locale/lang/vi';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import type { AppLocale } from '@/locales/messages';

export const elementLocales = { 'vi-VN': vi, 'en-US': en } as const satisfies Record<
  AppLocale,
  unknown
>;

export interface ConfirmOptions {
  title: string;
  confirmText: string;
  cancelText: string;
  /** The action takes something away: its button is red. */
  danger?: boolean;
}

/**
 * Asks before an action (a dialog, focus on Cancel's side: Escape and a click outside cancel).
 * True when the person confirmed.
 */
export async function confirmAction(message: string, options: ConfirmOptions): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, options.title, {
      confirmButtonText: options.confirmText,
      cancelButtonText: options.cancelText,
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
      type: options.danger ? 'warning' : 'info',
      autofocus: false,
      closeOnClickModal: true,
      closeOnPressEscape: true,
      distinguishCancelAndClose: false,
    });
    return true;
  } catch {
    return false;
  }
}

/** A short confirmation in the corner ("Đã sao chép."), read out politely. */
export function notify(message: string, type: 'success' | 'info' | 'warning' = 'success'): void {
  ElMessage({ message, type, grouping: true, showClose: true });
}
