import { Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { usePartnerTranslation } from '../i18n';

type Props = {
  /** null: no order yet (the activation is still in work or failed). */
  status: 'pending' | 'paid' | null;
  overdue?: boolean;
};

/** The «Оплачено» / «Оплата» column: a green tick when paid, a clock while waiting, red when overdue. */
export function PaymentMark({ status, overdue = false }: Props) {
  const { t } = usePartnerTranslation();
  if (status === null)
    return (
      <Text size="sm" c="dimmed" aria-label={t('payment.noOrder')}>
        {t('common.none')}
      </Text>
    );
  const kind = status === 'paid' ? 'paid' : overdue ? 'overdue' : 'pending';
  const label = t(`payment.${kind}`);
  const Icon = kind === 'paid' ? IconCircleCheck : kind === 'overdue' ? IconAlertTriangle : IconClockHour4;
  return (
    <Tooltip label={label} withArrow>
      <ThemeIcon
        variant="light"
        radius="xl"
        size="md"
        color={kind === 'paid' ? 'green' : kind === 'overdue' ? 'red' : 'gray'}
        role="img"
        aria-label={label}
      >
        <Icon size={16} />
      </ThemeIcon>
    </Tooltip>
  );
}
