import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailMessage } from '../../../../shared/api/admin';

const COLORS: Record<MailMessage['status'], string> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  stored: 'yellow',
};

export function MailStatusBadge({ status }: { status: MailMessage['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`admin.mail.status.${status}`)}
    </Badge>
  );
}

/** Failed messages and those only stored (no SMTP configured) can be sent again. */
export function canRetry(status: MailMessage['status']): boolean {
  return status === 'failed' || status === 'stored';
}
