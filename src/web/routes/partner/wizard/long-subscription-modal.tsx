import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { LONG_SUBSCRIPTION_DAYS, type PrecheckRow } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { usePartnerTranslation } from '../i18n';

type Props = { rows: PrecheckRow[] | null; onConfirm: () => void; onCancel: () => void };

/**
 * Seed 2.4: «Если текущая подписка выбранных серийных номеров более 180 дней вперед, то выйдет дополнительное
 * предупреждающее окно» — serial with its license type, current and new subscription; ОК or Отмена.
 */
export function LongSubscriptionModal({ rows, onConfirm, onCancel }: Props) {
  const { t } = usePartnerTranslation();
  const until = (date: string | null) =>
    date ? t('common.until', { date: formatDate(date) }) : t('common.none');
  return (
    <Modal
      opened={rows !== null}
      onClose={onCancel}
      title={t('confirm.longTitle', { days: LONG_SUBSCRIPTION_DAYS })}
      size="xl"
      centered
    >
      <Text size="sm" mb="md">
        {t('confirm.longText', { days: LONG_SUBSCRIPTION_DAYS })}
      </Text>
      <Table.ScrollContainer minWidth={600} mah={360}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('precheck.serial')}</Table.Th>
              <Table.Th>{t('precheck.currentEnd')}</Table.Th>
              <Table.Th>{t('precheck.newEnd')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((row) => (
              <Table.Tr key={row.serial}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.serial}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.licenseTypeName}
                  </Text>
                </Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {until(row.currentEnd)}
                </Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {until(row.newEnd)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} data-autofocus>
          {t('common.ok')}
        </Button>
      </Group>
    </Modal>
  );
}
