import { ModalsProvider } from '@mantine/modals';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Confirmation dialogs (`modals.openConfirmModal`) for the logged-in areas. Mounted by the lazy layouts,
 * not by main.tsx, so the modal and focus-trap code stays out of the eager bundle.
 */
export function LocalizedModals({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ModalsProvider labels={{ confirm: t('common.confirm'), cancel: t('common.cancel') }}>
      {children}
    </ModalsProvider>
  );
}
