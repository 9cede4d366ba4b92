import { Button, Group, Modal, Text } from '@mantine/core';
import { formatDateTime } from '../../../../shared/dates';
import { usePartnerTranslation } from '../i18n';
import type { SavedSerials } from './saved-serials';

type Props = { saved: SavedSerials | null; onLoad: (saved: SavedSerials) => void; onDiscard: () => void };

/** Seed 2.4: a list checked more than a day ago comes back only on «ОК»; «Отмена» forgets it. */
export function RestoreModal({ saved, onLoad, onDiscard }: Props) {
  const { t } = usePartnerTranslation();
  return (
    <Modal opened={saved !== null} onClose={onDiscard} title={t('wizard.restoreTitle')} centered>
      <Text size="sm">{t('wizard.restoreText')}</Text>
      {saved && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('wizard.restoreDetails', { count: saved.serials.length, date: formatDateTime(saved.savedAt) })}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDiscard}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => saved && onLoad(saved)} data-autofocus>
          {t('common.ok')}
        </Button>
      </Group>
    </Modal>
  );
}
