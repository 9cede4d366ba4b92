import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** «Активна» / «Заблокирована» for organizations and users alike. */
export function StatusBadge({
  status,
  kind,
}: {
  status: 'active' | 'blocked';
  kind: 'organization' | 'user';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'red'} variant="light">
      {t(`status.${kind}.${status}`)}
    </Badge>
  );
}
