import { Button, Center, EmptyState } from '@mantine/core';
import { IconAlertTriangle, IconMapQuestion } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../lib/errors';
import { ButtonLink } from './links';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <EmptyState
        icon={<IconMapQuestion size={32} />}
        withIndicatorBackground
        title={t('fallback.notFoundTitle')}
        description={t('fallback.notFoundText')}
      >
        <EmptyState.Actions>
          <ButtonLink to="/">{t('fallback.toHome')}</ButtonLink>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <Center mih="60vh" p="md">
      <EmptyState
        icon={<IconAlertTriangle size={32} />}
        variant="light"
        color="red"
        title={t('fallback.errorTitle')}
        description={describe(error)}
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={reset}>
            {t('common.retry')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
