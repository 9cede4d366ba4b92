import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/dates';
import { useMe } from '../../../api/queries/auth';
import {
  type AdminSupportAction,
  useAdminSupportAction,
  useAdminSupportTicket,
} from '../../../api/queries/support';
import { confirmAction } from '../../../components/confirm';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { ReplyForm } from '../../support/reply-form';
import { TicketFacts } from '../../support/ticket-facts';
import { TicketStatusBadge } from '../../support/ticket-status-badge';
import { TicketThread } from '../../support/ticket-thread';
import { useStaffCan } from '../components/use-staff';

const route = getRouteApi('/authed/admin/support/$ticketId');

/** One request in the back office: the license it cites, the organization, the thread; reply, take, close. */
export function SupportTicketPage() {
  const { t } = useTranslation();
  const { ticketId } = route.useParams();
  const ticket = useAdminSupportTicket(ticketId);
  const action = useAdminSupportAction(ticketId);
  const canHandle = useStaffCan('handleSupport');
  const canReadDirectory = useStaffCan('readDirectory');
  const { data: me } = useMe();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const data = ticket.data;
  const title = data ? t('support.ticketTitle', { number: data.number }) : t('supportAdmin.title');
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('supportAdmin.title'), to: '/admin/support' as const },
    { label: data ? `№ ${data.number}` : '…' },
  ];

  if (ticket.isError)
    return (
      <>
        <PageHeader title={t('supportAdmin.title')} crumbs={crumbs} />
        <Alert color="red">{describe(ticket.error)}</Alert>
      </>
    );

  const run = (change: AdminSupportAction, done: string) =>
    action.mutate(change, { onSuccess: () => notifySuccess(done), onError: notifyError });
  const busy = (kind: AdminSupportAction['kind']) => action.isPending && action.variables?.kind === kind;

  const actions = data && canHandle && (
    <>
      {data.assignee?.id !== me?.user.id && data.status !== 'closed' && (
        <Button
          variant="default"
          leftSection={<IconUserCheck size={16} />}
          loading={busy('assign')}
          onClick={() => run({ kind: 'assign' }, t('supportAdmin.assigned'))}
        >
          {t('supportAdmin.assign')}
        </Button>
      )}
      {data.status === 'closed' ? (
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} />}
          loading={busy('reopen')}
          onClick={() => run({ kind: 'reopen' }, t('supportAdmin.reopened'))}
        >
          {t('supportAdmin.reopen')}
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconCircleCheck size={16} />}
          loading={busy('close')}
          onClick={() =>
            confirmAction({
              title: t('supportAdmin.closeTitle'),
              text: t('supportAdmin.closeText', { number: data.number }),
              confirm: t('supportAdmin.close'),
              danger: false,
              onConfirm: () => run({ kind: 'close' }, t('support.closed')),
            })
          }
        >
          {t('supportAdmin.close')}
        </Button>
      )}
    </>
  );

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
        actions={actions}
      />
      {!data ? (
        <Skeleton h={360} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <TicketFacts
              facts={[
                {
                  label: t('supportAdmin.organization'),
                  value: canReadDirectory ? (
                    <AnchorLink
                      to="/admin/organizations/$organizationId"
                      params={{ organizationId: data.organization.id }}
                      size="sm"
                    >
                      {data.organization.shortName}
                    </AnchorLink>
                  ) : (
                    data.organization.shortName
                  ),
                },
                {
                  label: t('supportAdmin.author'),
                  value: (
                    <>
                      {data.author.name}
                      <Text size="xs" c="dimmed">
                        {data.author.email}
                      </Text>
                    </>
                  ),
                },
                { label: t('supportAdmin.assignee'), value: data.assignee?.name ?? t('supportAdmin.nobody') },
                { label: t('support.createdAt'), value: formatDateTime(data.createdAt) },
                {
                  label: t('support.serial'),
                  value: (
                    <Text span ff="monospace" size="sm" fw={500}>
                      {data.serial}
                    </Text>
                  ),
                },
                { label: t('supportAdmin.license'), value: data.license.name },
                {
                  label: t('supportAdmin.seats'),
                  value: t('supportAdmin.seatsValue', {
                    activated: data.license.activated,
                    quantity: data.license.quantity,
                  }),
                },
                {
                  label: t('supportAdmin.productMailbox'),
                  value: data.productSupportEmail ?? (
                    <Text size="sm" c="dimmed">
                      {t('supportAdmin.productMailboxNone')}
                    </Text>
                  ),
                },
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
            <Alert color="gray">{t('supportAdmin.closedNotice')}</Alert>
          ) : canHandle ? (
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
              <ReplyForm
                label={t('supportAdmin.reply')}
                pending={busy('reply')}
                onSend={(body) =>
                  action
                    .mutateAsync({ kind: 'reply', body })
                    .then(() => notifySuccess(t('supportAdmin.replied')))
                }
              />
            </Paper>
          ) : (
            <Alert color="gray">{t('supportAdmin.readOnlyNotice')}</Alert>
          )}
        </Stack>
      )}
    </>
  );
}
