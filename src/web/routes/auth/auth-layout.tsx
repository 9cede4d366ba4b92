import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { Logo } from '../../components/logo';

type Props = { title: string; description?: ReactNode; children: ReactNode; width?: number };

/** Centered card for login, password recovery and the organization choice. */
export function AuthLayout({ title, description, children, width = 420 }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Logo />
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl" pt={{ base: 'md', sm: 60 }}>
        <Stack w="100%" maw={width} gap="lg">
          <div>
            <Title order={1} fz={{ base: 22, sm: 26 }} ta="center">
              {title}
            </Title>
            {description && (
              <Text c="dimmed" ta="center" mt="xs">
                {description}
              </Text>
            )}
          </div>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
