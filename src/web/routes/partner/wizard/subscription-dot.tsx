import { Box, Group, Text, Tooltip } from '@mantine/core';
import { formatDate } from '../../../../shared/dates';
import { usePartnerTranslation } from '../i18n';

/** Days from `today` to `end`, both `YYYY-MM-DD` Moscow calendar days. */
export function daysBetween(today: string, end: string): number {
  const day = (value: string) => {
    const [y = 0, m = 1, d = 1] = value.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((day(end) - day(today)) / 86_400_000);
}

/** Seed 2.4: red when expired or none, orange under 30 days, yellow under 90, green otherwise. */
export function subscriptionColor(daysLeft: number | null): string {
  if (daysLeft === null || daysLeft < 0) return 'red';
  if (daysLeft < 30) return 'orange';
  if (daysLeft < 90) return 'yellow';
  return 'green';
}

/** «Текущая подписка» with the small circle whose tooltip says how many days remain. */
export function CurrentSubscription({ end, today }: { end: string | null; today: string }) {
  const { t } = usePartnerTranslation();
  const daysLeft = end ? daysBetween(today, end) : null;
  const hint =
    daysLeft === null
      ? t('precheck.noSubscription')
      : daysLeft < 0
        ? t('precheck.expired')
        : t('precheck.daysLeft', { count: daysLeft });
  return (
    <Group gap={8} wrap="nowrap">
      <Tooltip label={hint} withArrow>
        <Box
          component="span"
          role="img"
          aria-label={hint}
          tabIndex={0}
          w={10}
          h={10}
          style={{
            borderRadius: '50%',
            flexShrink: 0,
            background: `var(--mantine-color-${subscriptionColor(daysLeft)}-6)`,
          }}
        />
      </Tooltip>
      <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        {end ? t('common.until', { date: formatDate(end) }) : t('common.none')}
      </Text>
    </Group>
  );
}
