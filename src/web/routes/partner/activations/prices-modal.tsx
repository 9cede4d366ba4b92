import { Alert, Modal, Skeleton, Table, Text } from '@mantine/core';
import { formatMoney } from '../../../../shared/money';
import { usePartnerInfo } from '../../../api/queries/partner-activations';
import { useErrorMessage } from '../../../lib/errors';
import { usePartnerTranslation } from '../i18n';

/** «Цены» (seed 2.1): the license types with «Ваша цена», the recommended retail price and VAT. */
export function PricesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = usePartnerTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('prices.title')} size="xl" centered>
      {opened && <PricesTable />}
    </Modal>
  );
}

function PricesTable() {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const info = usePartnerInfo();
  if (info.isError) return <Alert color="red">{describe(info.error)}</Alert>;
  if (info.isPending) return <Skeleton h={160} />;
  const money = (kopecks: number | null) => (kopecks === null ? t('prices.noPrice') : formatMoney(kopecks));
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {t('prices.description')}
      </Text>
      {info.data.prices.length === 0 ? (
        <Text c="dimmed">{t('prices.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prices.licenseType')}</Table.Th>
                <Table.Th>{t('common.vendor')}</Table.Th>
                <Table.Th>{t('prices.term')}</Table.Th>
                <Table.Th ta="right">{t('prices.price')}</Table.Th>
                <Table.Th ta="right">{t('prices.retail')}</Table.Th>
                <Table.Th>{t('prices.vat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {info.data.prices.map((price) => (
                <Table.Tr key={price.licenseTypeId}>
                  <Table.Td>
                    <Text size="sm">{price.name}</Text>
                    {price.models.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('prices.models', { models: price.models.join(', ') })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{price.vendorName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('prices.termMonths', { count: price.termMonths })}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {money(price.priceKopecks)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {money(price.retailPriceKopecks)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{price.vatLabel}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
