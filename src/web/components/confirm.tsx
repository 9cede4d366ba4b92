import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18next from 'i18next';

type Options = { title: string; text: string; confirm: string; danger?: boolean; onConfirm: () => void };

/** A confirmation dialog for blocking, removing and other actions people must not do by accident. */
export function confirmAction({ title, text, confirm, danger = true, onConfirm }: Options): void {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{text}</Text>,
    labels: { confirm, cancel: i18next.t('common.cancel') },
    confirmProps: { color: danger ? 'red' : undefined },
    onConfirm,
  });
}
