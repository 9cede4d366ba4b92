import { Avatar, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHeadset, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SupportMessage } from '../../../shared/api/support';
import { formatDateTime } from '../../../shared/dates';

/**
 * The conversation, oldest first. Support's messages are tinted so the two sides are told apart at a glance;
 * text is shown as written (line breaks kept, never as HTML).
 */
export function TicketThread({ messages }: { messages: SupportMessage[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('support.thread')}>
      {messages.map((message) => {
        const staff = message.authorKind === 'staff';
        return (
          <Paper
            key={message.id}
            component="li"
            withBorder
            p="md"
            radius="md"
            bg={staff ? 'var(--mantine-color-blue-light)' : undefined}
            ml={staff ? { base: 0, sm: 'xl' } : 0}
            mr={staff ? 0 : { base: 0, sm: 'xl' }}
          >
            <Group gap="sm" mb="xs" wrap="nowrap">
              <Avatar size={28} radius="xl" color={staff ? 'blue' : 'gray'} aria-hidden>
                {staff ? <IconHeadset size={16} /> : <IconUser size={16} />}
              </Avatar>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {message.author.name}
                  {staff && (
                    <Text span size="sm" c="dimmed" fw={400}>
                      {' · '}
                      {t('support.staffLabel')}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed" className="tabular">
                  {formatDateTime(message.createdAt)}
                </Text>
              </div>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
