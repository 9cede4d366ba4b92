import { Alert, Button, Group, Modal, ScrollArea, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MailMessage } from '../../../../shared/api/admin';
import { formatDateTime } from '../../../../shared/dates';
import { useMailMessage } from '../../../api/queries/admin';
import { InfoList } from '../../../components/info-list';
import { useErrorMessage } from '../../../lib/errors';
import { canRetry, MailStatusBadge } from './mail-status-badge';

type Props = { messageId: string | null; onClose: () => void; onRetry: (message: MailMessage) => void };

/**
 * One message as it was sent. The HTML goes into an iframe with an empty `sandbox`: no scripts, no
 * forms, no same-origin access, so a message can never act inside the back office.
 */
export function MailMessageModal({ messageId, onClose, onRetry }: Props) {
  const { t } = useTranslation();
  const message = useMailMessage(messageId);
  const describe = useErrorMessage();
  const data = message.data;

  return (
    <Modal
      opened={messageId !== null}
      onClose={onClose}
      title={data?.subject ?? t('admin.mail.message')}
      size="xl"
    >
      {message.isError && <Alert color="red">{describe(message.error)}</Alert>}
      {message.isPending && <Skeleton h={400} />}
      {data && (
        <Stack gap="md">
          <InfoList
            labelWidth={140}
            rows={[
              { label: t('admin.mail.to'), value: data.to.join(', ') },
              { label: t('common.status'), value: <MailStatusBadge status={data.status} /> },
              { label: t('admin.mail.createdAt'), value: formatDateTime(data.createdAt) },
              { label: t('admin.mail.sentAt'), value: formatDateTime(data.sentAt) },
              { label: t('admin.mail.attempts'), value: data.attempts },
            ]}
          />
          {data.lastError && (
            <Alert color="red" title={t('admin.mail.error')}>
              {data.lastError}
            </Alert>
          )}
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t('admin.mail.html')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('admin.mail.text')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <iframe
                title={t('admin.mail.preview')}
                sandbox=""
                srcDoc={data.html}
                style={{
                  width: '100%',
                  height: 420,
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderRadius: 8,
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <ScrollArea h={420}>
                <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 13 }}>{data.text}</pre>
              </ScrollArea>
            </Tabs.Panel>
          </Tabs>
          {canRetry(data.status) && (
            <Group justify="flex-end">
              <Button leftSection={<IconSend size={16} />} onClick={() => onRetry(data)}>
                {t('admin.mail.retry')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
