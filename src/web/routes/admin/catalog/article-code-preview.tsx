import { Alert, Badge, Box, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type ArticleParts,
  describeArticle,
  SERIAL_PART_PLACEHOLDERS,
  type SerialCodeTables,
  validateArticleParts,
} from '../../../../shared/serial-number';
import { ARTICLE_TABLE_PARTS } from './code-tables';

/** What the operator picked so far: codes by part ('' = not yet), the year `ZZ` comes from. */
export type ComposerParts = Record<(typeof ARTICLE_TABLE_PARTS)[number], string> & {
  articleYear: number | null;
};

/** Every part is picked: the codec can check and format it. */
function completeParts(parts: ComposerParts): ArticleParts | null {
  if (parts.articleYear === null || ARTICLE_TABLE_PARTS.some((key) => parts[key] === '')) return null;
  return { ...parts, articleYear: parts.articleYear };
}

/**
 * The article code as it is being composed, `AA-BCDEFFGHHZZ` with the seed's letters where nothing is picked
 * yet, and its meaning in words (the shared codec's `describeArticle`, the same the server stores).
 */
export function ArticleCodePreview({ parts, tables }: { parts: ComposerParts; tables: SerialCodeTables }) {
  const { t } = useTranslation();
  const zz = parts.articleYear === null ? null : String(parts.articleYear % 100).padStart(2, '0');
  const segments = [
    ...ARTICLE_TABLE_PARTS.map((key) => ({
      key,
      text: parts[key] || SERIAL_PART_PLACEHOLDERS[key],
      filled: parts[key] !== '',
    })),
    { key: 'articleYear', text: zz ?? SERIAL_PART_PLACEHOLDERS.articleYear, filled: zz !== null },
  ];
  const complete = completeParts(parts);
  const errors = complete ? validateArticleParts(complete, tables, { forIssue: true }) : [];
  const items = describeArticle({ ...parts, articleYear: parts.articleYear ?? 0 }, tables);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('catalogAdmin.composer.preview')}>
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('catalogAdmin.composer.preview')}
        </Title>
        <Group gap={0} wrap="nowrap" aria-label={t('catalogAdmin.composer.code')} data-testid="article-code">
          {segments.map((segment, index) => (
            <Box key={segment.key} component="span" style={{ display: 'inline-flex' }}>
              <Text
                component="span"
                ff="monospace"
                fz={26}
                fw={segment.filled ? 700 : 400}
                c={segment.filled ? undefined : 'dimmed'}
                title={t(`catalogAdmin.composer.parts.${segment.key}`)}
              >
                {segment.text}
              </Text>
              {index === 0 && (
                <Text component="span" ff="monospace" fz={26} c="dimmed">
                  -
                </Text>
              )}
            </Box>
          ))}
          {complete && errors.length === 0 && (
            <Badge ml="md" color="teal" variant="light">
              {t('catalogAdmin.composer.ready')}
            </Badge>
          )}
        </Group>
        {errors.length > 0 && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} p="xs">
            {errors.map((error) => (
              <Text key={`${error.part}${error.code}`} size="sm">
                {error.message}
              </Text>
            ))}
          </Alert>
        )}
        <Table verticalSpacing={4} fz="sm" aria-label={t('catalogAdmin.articles.meaning')}>
          <Table.Tbody>
            {items.map((item) => {
              const picked =
                item.part === 'articleYear'
                  ? parts.articleYear !== null
                  : parts[item.part as keyof ComposerParts] !== '';
              return (
                <Table.Tr key={item.part}>
                  <Table.Td c="dimmed" w="45%">
                    {t(`catalogAdmin.composer.parts.${item.part}`)}
                  </Table.Td>
                  <Table.Td w={48}>
                    {picked ? <Code>{item.code}</Code> : <Text c="dimmed">{item.placeholder}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {picked ? (
                      item.meaning
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
