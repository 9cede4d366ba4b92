import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../../../../shared/api/orders';

type Props = { status: PaymentStatus; overdue?: boolean };

/** A badge keeps its whole word in a crowded table instead of shrinking to «В ожида…». */
const NO_SHRINK = { minWidth: 'max-content' };

/** «Оплачено» green, «В ожидании» grey, «Просрочен» red: unpaid after the due date (Moscow time). */
export function PaymentBadge({ status, overdue = false }: Props) {
  const { t } = useTranslation();
  if (status === 'paid')
    return (
      <Badge color="teal" variant="light" style={NO_SHRINK}>
        {t('partnerOps.payment.paid')}
      </Badge>
    );
  return overdue ? (
    <Badge color="red" variant="filled" style={NO_SHRINK}>
      {t('partnerOps.payment.overdue')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" style={NO_SHRINK}>
      {t('partnerOps.payment.pending')}
    </Badge>
  );
}
