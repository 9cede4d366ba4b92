import { Button, Group, Modal, Pill, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganizationResponse } from '../../../shared/api/organizations';
import { InfoList } from '../../components/info-list';
import { Section } from '../../components/section';
import { ContactsForm } from './contacts-form';

const dash = '—';

/**
 * The contact person and where closing documents go (seed 001: «В получатели документов можно также
 * добавить электронную почту вашего бухгалтера»). Owners and admins edit it themselves.
 */
export function ContactsCard({
  organization,
  canEdit,
}: {
  organization: OrganizationResponse;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <Section
      title={t('home.contactsTitle')}
      actions={
        canEdit && (
          <Button variant="light" size="xs" leftSection={<IconPencil size={14} />} onClick={open}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <InfoList
        labelWidth={270}
        rows={[
          { label: t('organization.contactName'), value: organization.contactName },
          { label: t('organization.contactPhone'), value: organization.contactPhone ?? dash },
          { label: t('organization.contactEmail'), value: organization.contactEmail ?? dash },
          { label: t('organization.accountantEmail'), value: organization.accountantEmail ?? dash },
          {
            label: t('organization.documentEmails'),
            value:
              organization.documentEmails.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.documentEmailsEmpty', { email: organization.email })}
                </Text>
              ) : (
                <Group gap={6}>
                  {organization.documentEmails.map((email) => (
                    <Pill key={email}>{email}</Pill>
                  ))}
                </Group>
              ),
          },
          {
            label: t('organization.postalAddress'),
            value: organization.postalAddress ?? organization.legalAddress,
          },
        ]}
      />
      <Modal opened={opened} onClose={close} title={t('home.contactsEditTitle')} size="lg">
        <ContactsForm organization={organization} onDone={close} />
      </Modal>
    </Section>
  );
}
