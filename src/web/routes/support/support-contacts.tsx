import { Anchor, Avatar, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconHeadset, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSupportContacts } from '../../api/queries/support';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { telHref } from '../../lib/format';

function ContactLines({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <>
      {phone && (
        <Group gap={6} wrap="nowrap">
          <IconPhone size={16} aria-hidden />
          <Anchor href={telHref(phone)} size="sm">
            {phone}
          </Anchor>
        </Group>
      )}
      {email && (
        <Group gap={6} wrap="nowrap">
          <IconMail size={16} aria-hidden />
          <Anchor href={`mailto:${email}`} size="sm" style={{ wordBreak: 'break-all' }}>
            {email}
          </Anchor>
        </Group>
      )}
    </>
  );
}

/**
 * Whom to contact (seed 000, «Техподдержка – позволяет связаться с технической поддержкой «AlterOS» или
 * «AlterOffice»»): a card per licensed product, and the head of the technical department.
 */
export function SupportContactsSection() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const contacts = useSupportContacts();

  return (
    <Section title={t('support.contactsTitle')} description={t('support.contactsDescription')}>
      {contacts.isError ? (
        <Text c="red" size="sm">
          {describe(contacts.error)}
        </Text>
      ) : !contacts.data ? (
        <Skeleton h={120} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {contacts.data.products.map((product) => (
            <Card key={product.productCode} withBorder radius="md" padding="md" component="article">
              <Stack gap={6}>
                <Title order={3} fz="md">
                  {product.productName}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('support.licensesCount', { count: product.licensesCount })}
                </Text>
                {product.supportEmail || product.supportPhone ? (
                  <ContactLines email={product.supportEmail} phone={product.supportPhone} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('support.noProductContacts')}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
          {contacts.data.techLead && (
            <Card withBorder radius="md" padding="md" component="article">
              <Group align="flex-start" wrap="nowrap">
                <Avatar color="blue" radius="xl" size={40} aria-hidden>
                  <IconHeadset size={20} />
                </Avatar>
                <Stack gap={6} miw={0}>
                  <Title order={3} fz="md">
                    {t('support.techLead')}
                  </Title>
                  {contacts.data.techLead.name && <Text size="sm">{contacts.data.techLead.name}</Text>}
                  <ContactLines
                    email={contacts.data.techLead.email || null}
                    phone={contacts.data.techLead.phone || null}
                  />
                </Stack>
              </Group>
            </Card>
          )}
          {contacts.data.products.length === 0 && !contacts.data.techLead && (
            <Text size="sm" c="dimmed">
              {t('support.contactsEmpty')}
            </Text>
          )}
        </SimpleGrid>
      )}
    </Section>
  );
}
