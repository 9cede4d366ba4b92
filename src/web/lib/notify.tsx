import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './errors';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', icon: <IconCheck size={18} />, message, autoClose: 4000 });
}

/** Shows an API error as a red notification in the current language. */
export function useNotifyError(): (error: unknown) => void {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) =>
      notifications.show({
        color: 'red',
        icon: <IconX size={18} />,
        title: t('errors.title'),
        message: describe(error),
        autoClose: 8000,
      }),
    [t, describe],
  );
}
