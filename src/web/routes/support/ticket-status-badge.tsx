import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportStatus } from '../../../shared/api/support';

const COLORS: Record<SupportStatus, string> = { open: 'blue', answered: 'teal', closed: 'gray' };

/** «Открыто» (waiting for support), «Отвечено» (waiting for the customer), «Закрыто». */
export function TicketStatusBadge({ status }: { status: SupportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`support.status.${status}`)}
    </Badge>
  );
}
