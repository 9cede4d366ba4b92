import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivationStatus } from '../../../../shared/api/activations';

const COLORS: Record<ActivationStatus, string> = { in_progress: 'blue', done: 'teal', failed: 'red' };

/** A badge keeps its whole word in a crowded table instead of shrinking to «В ожида…». */
const NO_SHRINK = { minWidth: 'max-content' };

/** «Выполнена» / «В работе» / «Ошибка» (seed 002, 2.1). */
export function ActivationStatusBadge({ status }: { status: ActivationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" style={NO_SHRINK}>
      {t(`partnerOps.activationStatus.${status}`)}
    </Badge>
  );
}
