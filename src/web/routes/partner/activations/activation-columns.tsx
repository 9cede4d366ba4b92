import { Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import type { ActivationSummary } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { AnchorLink } from '../../../components/links';
import { ActivationStatusBadge } from '../components/activation-status-badge';
import { LicenseFileButton } from '../components/license-file-button';
import { PaymentMark } from '../components/payment-mark';
import { usePartnerTranslation } from '../i18n';

/**
 * The columns of «Список активаций» (seed 2.1), in the seed's order; the license file button closes each row.
 */
export function useActivationColumns(): DataTableColumn<ActivationSummary>[] {
  const { t } = usePartnerTranslation();
  return [
    {
      accessor: 'number',
      title: t('list.number'),
      sortable: true,
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
      accessor: 'orderNumber',
      title: t('list.orderNumber'),
      render: (activation) =>
        activation.orderId && activation.orderNumber !== null ? (
          <AnchorLink
            to="/orders/$orderId"
            params={{ orderId: activation.orderId }}
            className="tabular"
            size="sm"
            onClick={(event) => event.stopPropagation()}
          >
            {activation.orderNumber}
          </AnchorLink>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    },
    {
      accessor: 'organizationName',
      title: t('common.organization'),
      // Issue 14.6: the whole name, wrapped on word boundaries, never clipped («ООО "ЗОЛОТОЙ КЛЮЧИК СЕРВИС"»).
      cellsStyle: () => ({ minWidth: 140 }),
      render: (activation) => <Text size="sm">{activation.organizationName}</Text>,
    },
    {
      accessor: 'status',
      title: t('list.status'),
      noWrap: true,
      render: (activation) => <ActivationStatusBadge status={activation.status} />,
    },
    { accessor: 'vendorName', title: t('common.vendor'), noWrap: true },
    {
      accessor: 'licenseCount',
      title: t('list.licenseCount'),
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'totalKopecks',
      title: t('list.total'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (activation) => formatMoney(activation.totalKopecks),
    },
    {
      accessor: 'paymentStatus',
      title: t('list.paid'),
      textAlign: 'center',
      render: (activation) => <PaymentMark status={activation.paymentStatus} />,
    },
    {
      accessor: 'createdAt',
      title: t('list.createdAt'),
      sortable: true,
      noWrap: true,
      cellsClassName: 'tabular',
      render: (activation) => formatDate(activation.createdAt),
    },
    {
      accessor: 'comment',
      title: t('list.comment'),
      // The whole comment, wrapped; a word longer than the column breaks instead of widening the table.
      cellsStyle: () => ({ minWidth: 104 }),
      render: (activation) => (
        <Text size="sm" style={{ overflowWrap: 'break-word' }}>
          {activation.comment || t('common.none')}
        </Text>
      ),
    },
    {
      accessor: 'download',
      title: '',
      textAlign: 'right',
      width: 42,
      render: (activation) => <LicenseFileButton activation={activation} compact />,
    },
  ];
}
