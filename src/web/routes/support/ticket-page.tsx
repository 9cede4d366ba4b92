import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useSupportTicket, useSupportTicketAction } from '../../api/queries/support';
import { confirmAction } from '../../components/confirm';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../lib/errors';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { ReplyForm } from './reply-form';
import { TicketFacts } from './ticket-facts';
import { TicketStatusBadge } from './ticket-status-badge';
import { TicketThread } from './ticket-thread';
import { useCanWriteSupport } from './use-can-write';

const route = getRouteApi('/authed/cabinet/organization/support/$ticketId');

/** One request: its facts, the conversation with support, a reply box and «Закрыть обращение». */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId } = route.useParams();
  const ticket = useSupportTicket(ticketId);
  const action = useSupportTicketAction(ticketId);
  const canWrite = useCanWriteSupport();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const data = ticket.data;
  const title = data ? t('support.ticketTitle', { number: data.number }) : t('support.ticketsTitle');
  const crumbs = [
    { label: t('nav.home'), to: '/' as const },
    { label: t('nav.support'), to: '/support' as const },
    { label: data ? `№ ${data.number}` : '…' },
  ];

  if (ticket.isError)
    return (
      <>
        <PageHeader title={t('nav.support')} crumbs={crumbs} />
        <Alert color="red">{describe(ticket.error)}</Alert>
      </>
    );

  const close = () =>
    confirmAction({
      title: t('support.closeTitle'),
      text: t('support.closeText'),
      confirm: t('support.close'),
      danger: false,
      onConfirm: () =>
        action.mutate(
          { kind: 'close' },
          { onSuccess: () => notifySuccess(t('support.closed')), onError: notifyError },
        ),
    });

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {title}
            {data && <TicketStatusBadge status={data.status} />}
          </Group>
        }
        documentTitle={title}
        description={data?.subject}
        crumbs={crumbs}
        actions={
          data &&
          canWrite &&
          data.status !== 'closed' && (
            <Button
              variant="default"
              leftSection={<IconCircleCheck size={16} />}
              loading={action.isPending && action.variables?.kind === 'close'}
              onClick={close}
            >
              {t('support.close')}
            </Button>
          )
        }
      />
      {!data ? (
        <Skeleton h={320} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <TicketFacts
              facts={[
                {
                  label: t('support.serial'),
                  value: (
                    <Text span ff="monospace" size="sm" fw={500}>
                      {data.serial}
                    </Text>
                  ),
                },
                { label: t('support.product'), value: data.productName },
                { label: t('support.createdAt'), value: formatDateTime(data.createdAt) },
                data.closedAt
                  ? { label: t('support.closedAt'), value: formatDateTime(data.closedAt) }
                  : { label: t('support.lastMessageAt'), value: formatDateTime(data.lastMessageAt) },
              ]}
            />
          </Paper>
          <section aria-labelledby="thread-title">
            <Title order={2} fz="lg" mb="sm" id="thread-title">
              {t('support.thread')}
            </Title>
            <TicketThread messages={data.messages} />
          </section>
          {data.status === 'closed' ? (
            <Alert color="gray">{t('support.closedNotice')}</Alert>
          ) : canWrite ? (
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
              <ReplyForm
                pending={action.isPending && action.variables?.kind === 'reply'}
                onSend={(body) =>
                  action.mutateAsync({ kind: 'reply', body }).then(() => notifySuccess(t('support.replied')))
                }
              />
            </Paper>
          ) : (
            <Alert color="gray">{t('support.readOnlyNotice')}</Alert>
          )}
        </Stack>
      )}
    </>
  );
}
