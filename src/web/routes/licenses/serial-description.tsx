import { Alert, Badge, Code, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SerialDescription } from '../../../shared/api/licenses';
import { formatDate } from '../../../shared/dates';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../lib/errors';

/** A serial in words: every part's label, code and meaning, then the generation date (seed 000). */
export function SerialDescriptionView({ description }: { description: SerialDescription }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group gap="lg" wrap="wrap">
        <div>
          <Text size="xs" c="dimmed">
            {t('licenses.serial')}
          </Text>
          <Code fz="md" className="tabular">
            {description.serial}
          </Code>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('licenses.generatedOn')}
          </Text>
          <Text fw={600} className="tabular">
            {formatDate(description.generatedOnIso)}
          </Text>
        </div>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table striped withTableBorder verticalSpacing="xs" aria-label={t('serialNumber.partsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('serialNumber.part')}</Table.Th>
              <Table.Th>{t('serialNumber.code')}</Table.Th>
              <Table.Th>{t('serialNumber.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {description.items.map((item) => (
              <Table.Tr key={item.part}>
                <Table.Td>
                  <Text size="sm">{item.label}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {item.placeholder}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{item.code}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {item.meaning}
                    </Text>
                    {item.retired && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('serialNumber.retired')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

type SerialIssue = { part?: string; message: string };

function issuesOf(error: unknown): SerialIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'SERIAL_INVALID' || !Array.isArray(error.details))
    return [];
  return error.details.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { part, message } = item as Record<string, unknown>;
    return typeof message === 'string'
      ? [{ part: typeof part === 'string' ? part : undefined, message }]
      : [];
  });
}

/** The server's reasons a serial does not decode, each naming the wrong part. */
export function SerialErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const issues = issuesOf(error);
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('serialNumber.invalidTitle')}>
      {issues.length > 0 ? (
        <List size="sm" spacing={4}>
          {issues.map((issue) => (
            <List.Item key={`${issue.part}-${issue.message}`}>{issue.message}</List.Item>
          ))}
        </List>
      ) : (
        describe(error)
      )}
    </Alert>
  );
}
