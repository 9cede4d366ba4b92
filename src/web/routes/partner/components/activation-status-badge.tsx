import { Badge } from '@mantine/core';
import type { ActivationStatus } from '../../../../shared/api/activations';
import { usePartnerTranslation } from '../i18n';

const COLORS: Record<ActivationStatus, string> = { done: 'green', in_progress: 'blue', failed: 'red' };

/** «Выполнена» green, «В работе» blue, «Ошибка» red (seed 2.1). */
export function ActivationStatusBadge({ status }: { status: ActivationStatus }) {
  const { t } = usePartnerTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" miw="max-content">
      {t(`activationStatus.${status}`)}
    </Badge>
  );
}
