import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconRefresh } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActivationSummary } from '../../../../shared/api/activations';
import { formatDateTime } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAdminActivation, useRetryActivation } from '../../../api/queries/admin-partner-activations';
import { confirmAction } from '../../../components/confirm';
import { InfoList } from '../../../components/info-list';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useStaffCan } from '../components/use-staff';
import { PaymentBadge } from '../orders/payment-badge';
import { ActivationItems } from './activation-items';
import { ActivationStatusBadge } from './activation-status-badge';

const route = getRouteApi('/authed/admin/activations/$activationId');

/** One activation (seed 002, 2.5): its facts, the vendor's error, «Повторить запрос», the devices, the order. */
export function ActivationPage() {
  const { t } = useTranslation();
  const { activationId } = route.useParams();
  const activation = useAdminActivation(activationId);
  const retry = useRetryActivation(activationId);
  const canRetry = useStaffCan('manageDevices');
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const data = activation.data;
  const title = data
    ? t('partnerOps.activations.title', { number: data.number })
    : t('partnerOps.nav.activations');
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('partnerOps.nav.activations'), to: '/admin/activations' as const },
    { label: data ? `№ ${data.number}` : '…' },
  ];

  if (activation.isError)
    return (
      <>
        <PageHeader title={t('partnerOps.nav.activations')} crumbs={crumbs} />
        <Alert color="red">{describe(activation.error)}</Alert>
      </>
    );

  const askRetry = (a: ActivationSummary) =>
    confirmAction({
      title: t('partnerOps.activations.retryTitle'),
      text: t('partnerOps.activations.retryText', { number: a.number }),
      confirm: t('partnerOps.activations.retry'),
      danger: false,
      onConfirm: () =>
        retry.mutate(undefined, {
          onSuccess: () => notifySuccess(t('partnerOps.activations.retried')),
          onError: notifyError,
        }),
    });

  const actions = data && (
    <>
      {data.status === 'failed' && canRetry && (
        <Button
          leftSection={<IconRefresh size={16} />}
          loading={retry.isPending}
          onClick={() => askRetry(data)}
        >
          {t('partnerOps.activations.retry')}
        </Button>
      )}
      {data.orderId && (
        <ButtonLink
          variant="default"
          rightSection={<IconArrowRight size={16} />}
          to="/admin/orders/$orderId"
          params={{ orderId: data.orderId }}
        >
          {t('partnerOps.activations.toOrder')}
        </ButtonLink>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {title}
            {data && <ActivationStatusBadge status={data.status} />}
          </Group>
        }
        documentTitle={title}
        crumbs={crumbs}
        actions={actions}
      />
      {!data ? (
        <Skeleton h={360} />
      ) : (
        <Stack gap="lg">
          {data.status === 'failed' && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('partnerOps.activations.errorTitle')}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.error || t('partnerOps.activations.errorUnknown')}
              </Text>
            </Alert>
          )}
          {data.status === 'in_progress' && (
            <Alert color="blue" variant="light">
              {t('partnerOps.activations.inProgressHint')}
            </Alert>
          )}
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <ActivationFacts activation={data} />
          </Paper>
          <ActivationItems activationId={data.id} status={data.status} />
        </Stack>
      )}
    </>
  );
}

function ActivationFacts({ activation: a }: { activation: ActivationSummary }) {
  const { t } = useTranslation();
  const canReadDirectory = useStaffCan('readDirectory');
  return (
    <InfoList
      rows={[
        {
          label: t('partnerOps.activations.organization'),
          value: (
            <>
              {canReadDirectory ? (
                <AnchorLink
                  to="/admin/organizations/$organizationId"
                  params={{ organizationId: a.organizationId }}
                  size="sm"
                >
                  {a.organizationName}
                </AnchorLink>
              ) : (
                a.organizationName
              )}{' '}
              <Text span size="sm" c="dimmed" className="tabular">
                · {t('partnerOps.inn', { inn: a.organizationInn })}
              </Text>
            </>
          ),
        },
        { label: t('partnerOps.activations.vendor'), value: a.vendorName },
        {
          label: t('partnerOps.activations.sum'),
          value: (
            <span className="tabular">
              {formatMoney(a.totalKopecks)} ·{' '}
              {t('partnerOps.activations.licenseCount', { count: a.licenseCount })}
            </span>
          ),
        },
        {
          label: t('partnerOps.activations.paymentStatus'),
          value: a.paymentStatus ? (
            <PaymentBadge status={a.paymentStatus} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('partnerOps.activations.noOrder')}
            </Text>
          ),
        },
        {
          label: t('partnerOps.activations.order'),
          value:
            a.orderId && a.orderNumber !== null ? (
              <AnchorLink to="/admin/orders/$orderId" params={{ orderId: a.orderId }} size="sm">
                {t('partnerOps.orders.title', { number: a.orderNumber })}
              </AnchorLink>
            ) : (
              '—'
            ),
        },
        { label: t('partnerOps.activations.createdAt'), value: formatDateTime(a.createdAt) },
        { label: t('partnerOps.activations.completedAt'), value: formatDateTime(a.completedAt) },
        { label: t('partnerOps.activations.comment'), value: a.comment || '—' },
      ]}
    />
  );
}
