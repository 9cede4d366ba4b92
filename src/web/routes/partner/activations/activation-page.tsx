import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessage, IconRefresh, IconRotateClockwise, IconShoppingCart } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { formatMoney } from '../../../../shared/money';
import { usePartnerActivation, usePartnerRetryActivation } from '../../../api/queries/partner-activations';
import { ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { LicenseFileButton } from '../components/license-file-button';
import { usePartnerTranslation } from '../i18n';
import { ActivationItemsTable } from './activation-items-table';
import { CommentModal } from './comment-modal';

const route = getRouteApi('/authed/cabinet/organization/activations/$activationId');

/**
 * «Активация № 289 (Выполнена)» (seed 2.5): organization, vendor, sum, payment status, the license file, the
 * comment, «Перейти в заказ», and the serials in a table whose columns follow the status.
 */
export function ActivationPage() {
  const { t } = usePartnerTranslation();
  const { activationId } = route.useParams();
  const activation = usePartnerActivation(activationId);
  const retry = usePartnerRetryActivation(activationId);
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const [commentOpen, setCommentOpen] = useState(false);
  const data = activation.data;
  const crumbs = [
    { label: t('nav.home'), to: '/' as const },
    { label: t('nav.licenses'), to: '/activations' as const },
    { label: data ? t('activation.crumb', { number: data.number }) : '…' },
  ];

  if (activation.isError)
    return (
      <>
        <PageHeader title={t('nav.licenses')} crumbs={crumbs} />
        <Alert color="red">{describe(activation.error)}</Alert>
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title="…" crumbs={crumbs} />
        <Skeleton h={360} radius="md" />
      </>
    );

  const title = t('activation.title', { number: data.number, status: t(`activationStatus.${data.status}`) });
  const fact = (label: string, value: React.ReactNode) => (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}:
      </Text>
      <Text size="sm" fw={500} component="div" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );

  return (
    <>
      <PageHeader
        title={title}
        crumbs={crumbs}
        actions={
          data.orderId && (
            <ButtonLink
              to="/orders/$orderId"
              params={{ orderId: data.orderId }}
              variant="default"
              leftSection={<IconShoppingCart size={16} />}
            >
              {t('activation.toOrder')}
            </ButtonLink>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <Stack gap="md">
            <Stack gap={6}>
              {fact(t('common.organization'), data.organizationName)}
              {fact(t('common.vendor'), data.vendorName)}
              {fact(t('activation.sum'), <span className="tabular">{formatMoney(data.totalKopecks)}</span>)}
              {data.paymentStatus &&
                fact(
                  t('activation.paymentStatus'),
                  <Text span size="sm" fw={500} c={data.paymentStatus === 'paid' ? 'green' : undefined}>
                    {t(`payment.${data.paymentStatus}`)}
                  </Text>,
                )}
            </Stack>
            {data.status === 'in_progress' && (
              <Text size="sm" c="dimmed">
                {t('activation.inProgressHint')}
              </Text>
            )}
            {data.status === 'failed' && (
              <Alert color="red" variant="light" title={data.error || t('activationStatus.failed')}>
                {t('activation.failedHint')}
              </Alert>
            )}
            <Group gap="sm">
              {data.status === 'done' && <LicenseFileButton activation={data} />}
              {data.status === 'in_progress' && (
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} />}
                  loading={activation.isFetching}
                  onClick={() => void activation.refetch()}
                >
                  {t('activation.refresh')}
                </Button>
              )}
              {data.status === 'failed' && (
                <Button
                  color="red"
                  leftSection={<IconRotateClockwise size={16} />}
                  loading={retry.isPending}
                  onClick={() =>
                    retry.mutate(undefined, {
                      onSuccess: () => notifySuccess(t('activation.retried')),
                      onError: notifyError,
                    })
                  }
                >
                  {t('activation.retry')}
                </Button>
              )}
              <Button
                variant="subtle"
                leftSection={<IconMessage size={16} />}
                onClick={() => setCommentOpen(true)}
              >
                {data.comment ? t('activation.editComment') : t('activation.addComment')}
              </Button>
            </Group>
            {data.comment && (
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                <Text span c="dimmed" size="sm">
                  {t('activation.comment')}
                </Text>{' '}
                {data.comment}
              </Text>
            )}
          </Stack>
        </Paper>
        <ActivationItemsTable activation={data} />
      </Stack>
      <CommentModal
        activationId={data.id}
        comment={data.comment}
        opened={commentOpen}
        onClose={() => setCommentOpen(false)}
      />
    </>
  );
}
