import { Button, Text } from '@mantine/core';
import { IconCash, IconCashBanknote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/api/orders';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useStaffCan } from '../components/use-staff';
import { PaymentModal } from './payment-modal';

/** What is still due: the total less the payments recorded so far, never below zero. */
export function dueKopecksOf(order: OrderDetail): number {
  const paid = order.payments.reduce((sum, payment) => sum + payment.amountKopecks, 0);
  return Math.max(0, order.totalKopecks - paid);
}

/** Payments recorded by staff from bank statements, and «Отметить оплату» while the order is unpaid. */
export function OrderPayments({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const canManage = useStaffCan('manageOrders');
  // A fresh Idempotency-Key each time the form opens; closing it drops the key.
  const [paymentKey, setPaymentKey] = useState<string | null>(null);
  const due = dueKopecksOf(order);
  const open = order.paymentStatus === 'pending' && canManage;

  return (
    <Section
      title={t('partnerOps.payments.title')}
      description={
        order.paymentStatus === 'paid'
          ? t('partnerOps.payments.paidText', { date: formatDateTime(order.paidAt) })
          : t('partnerOps.payments.dueText', { due: formatMoney(due), date: formatDate(order.dueDate) })
      }
      actions={
        open && (
          <Button leftSection={<IconCash size={16} />} onClick={() => setPaymentKey(newIdempotencyKey())}>
            {t('partnerOps.payments.mark')}
          </Button>
        )
      }
    >
      <DataTable
        aria-label={t('partnerOps.payments.title')}
        withTableBorder
        borderRadius="md"
        verticalSpacing="sm"
        minHeight={order.payments.length ? undefined : 140}
        records={order.payments}
        noRecordsText={t('partnerOps.payments.empty')}
        noRecordsIcon={<IconCashBanknote size={28} stroke={1.4} />}
        columns={[
          {
            accessor: 'paidOn',
            title: t('partnerOps.payments.paidOn'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (p) => formatDate(p.paidOn),
          },
          { accessor: 'reference', title: t('partnerOps.payments.reference') },
          {
            accessor: 'amountKopecks',
            title: t('partnerOps.payments.amount'),
            textAlign: 'right',
            noWrap: true,
            cellsClassName: 'tabular',
            render: (p) => formatMoney(p.amountKopecks),
          },
          {
            accessor: 'recordedByEmail',
            title: t('partnerOps.payments.recordedBy'),
            render: (p) => (
              <>
                <Text size="sm">{p.recordedByEmail ?? '—'}</Text>
                <Text size="xs" c="dimmed" className="tabular">
                  {formatDateTime(p.createdAt)}
                </Text>
              </>
            ),
          },
        ]}
      />
      <PaymentModal
        order={order}
        idempotencyKey={paymentKey}
        dueKopecks={due}
        onClose={() => setPaymentKey(null)}
      />
    </Section>
  );
}
