import 'mantine-datatable/styles.css';
import { Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { OrderDetail } from '../../../../shared/api/orders';
import { formatMoney } from '../../../../shared/money';
import { DataTable } from '../../../components/data-table';
import { AnchorLink } from '../../../components/links';
import { ActivationStatusBadge } from '../components/activation-status-badge';
import { LicenseFileButton } from '../components/license-file-button';
import { usePartnerTranslation } from '../i18n';

type Props = { activations: OrderDetail['activations'] };

/**
 * Блок «связанные активации лицензий» (seed 2.7): a row opens the activation, the arrow downloads its license
 * file.
 */
export function OrderActivations({ activations }: Props) {
  const { t } = usePartnerTranslation();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="order-activations">
      <Title order={2} fz="lg" mb="sm" id="order-activations">
        {t('order.activations')}
      </Title>
      <DataTable
        aria-label={t('order.activations')}
        withTableBorder
        borderRadius="md"
        highlightOnHover
        verticalSpacing="sm"
        records={activations}
        onRowClick={({ record }) =>
          void navigate({ to: '/activations/$activationId', params: { activationId: record.id } })
        }
        columns={[
          {
            accessor: 'number',
            title: t('list.number'),
            render: (activation) => (
              <AnchorLink
                to="/activations/$activationId"
                params={{ activationId: activation.id }}
                className="tabular"
                size="sm"
                fw={500}
                onClick={(event) => event.stopPropagation()}
              >
                {activation.number}
              </AnchorLink>
            ),
          },
          {
            accessor: 'status',
            title: t('list.status'),
            render: (activation) => <ActivationStatusBadge status={activation.status} />,
          },
          { accessor: 'vendorName', title: t('common.vendor') },
          {
            accessor: 'licenseCount',
            title: t('list.licenseCount'),
            textAlign: 'right',
            cellsClassName: 'tabular',
          },
          {
            accessor: 'totalKopecks',
            title: t('list.total'),
            textAlign: 'right',
            noWrap: true,
            cellsClassName: 'tabular',
            render: (activation) => formatMoney(activation.totalKopecks),
          },
          {
            accessor: 'download',
            title: '',
            textAlign: 'right',
            width: 60,
            render: (activation) => <LicenseFileButton activation={activation} compact />,
          },
        ]}
      />
    </section>
  );
}
