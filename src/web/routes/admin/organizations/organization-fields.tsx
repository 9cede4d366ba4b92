import {
  Checkbox,
  Fieldset,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationCreateBody } from '../../../../shared/api/organizations';
import { ORGANIZATION_PROGRAMS } from '../../../../shared/api/roles';
import type { Form } from '../../../lib/use-form';
import type { OrganizationFormValues } from './organization-form-values';

type Props = { form: Form<OrganizationFormValues, OrganizationCreateBody>; disabled: boolean };

const digits = { inputMode: 'numeric' as const, className: 'tabular' };

export function MainFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('admin.organizations.groupMain')} disabled={disabled}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="organization-kind">
            {t('organization.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="organization-kind"
            disabled={disabled}
            data={[
              { value: 'legal', label: t('organization.kindLegal') },
              { value: 'individual', label: t('organization.kindIndividual') },
            ]}
            value={form.values.kind}
            onChange={(value) => form.setFieldValue('kind', value === 'individual' ? 'individual' : 'legal')}
          />
        </div>
        <TextInput label={t('organization.fullName')} required {...form.getInputProps('fullName')} />
        <TextInput label={t('organization.shortName')} required {...form.getInputProps('shortName')} />
      </Stack>
    </Fieldset>
  );
}

export function RequisiteFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  const individual = form.values.kind === 'individual';
  return (
    <Fieldset legend={t('admin.organizations.groupRequisites')} disabled={disabled}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('organization.inn')}
            required
            maxLength={12}
            {...digits}
            {...form.getInputProps('inn')}
          />
          {!individual && (
            <TextInput
              label={t('organization.kpp')}
              required
              maxLength={9}
              {...digits}
              {...form.getInputProps('kpp')}
            />
          )}
          <TextInput
            label={individual ? t('organization.ogrnip') : t('organization.ogrn')}
            required
            maxLength={15}
            {...digits}
            {...form.getInputProps('ogrn')}
          />
        </SimpleGrid>
        <TextInput label={t('organization.legalAddress')} required {...form.getInputProps('legalAddress')} />
        <TextInput
          label={t('organization.postalAddress')}
          description={t('admin.organizations.postalHint')}
          {...form.getInputProps('postalAddress')}
        />
      </Stack>
    </Fieldset>
  );
}

export function BankFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('admin.organizations.groupBank')} disabled={disabled}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('organization.bankName')} required {...form.getInputProps('bankName')} />
          <TextInput
            label={t('organization.bik')}
            required
            maxLength={9}
            {...digits}
            {...form.getInputProps('bik')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organization.settlementAccount')}
            required
            maxLength={20}
            {...digits}
            {...form.getInputProps('settlementAccount')}
          />
          <TextInput
            label={t('organization.corrAccount')}
            required
            maxLength={20}
            {...digits}
            {...form.getInputProps('corrAccount')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

export function ContactFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('admin.organizations.groupContacts')} disabled={disabled}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('organization.email')} type="email" required {...form.getInputProps('email')} />
          <TextInput
            label={t('organization.accountantEmail')}
            type="email"
            {...form.getInputProps('accountantEmail')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('organization.contactName')} required {...form.getInputProps('contactName')} />
          <TextInput
            label={t('organization.contactPhone')}
            type="tel"
            {...form.getInputProps('contactPhone')}
          />
          <TextInput
            label={t('organization.contactEmail')}
            type="email"
            {...form.getInputProps('contactEmail')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('organization.documentEmails')}
          description={t('home.documentEmailsHint')}
          maxTags={10}
          splitChars={[',', ' ', ';']}
          disabled={disabled}
          {...form.getInputProps('documentEmails')}
        />
      </Stack>
    </Fieldset>
  );
}

export function ProgramFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('admin.organizations.groupPrograms')} disabled={disabled}>
      <Checkbox.Group
        aria-label={t('admin.organizations.groupPrograms')}
        description={t('admin.organizations.programsHint')}
        value={form.values.programs}
        onChange={(value) =>
          form.setFieldValue(
            'programs',
            ORGANIZATION_PROGRAMS.filter((program) => value.includes(program)),
          )
        }
        error={form.errors.programs}
      >
        <Stack gap="xs" mt="xs">
          {ORGANIZATION_PROGRAMS.map((program) => (
            <Checkbox
              key={program}
              value={program}
              label={t(`programs.${program}`)}
              description={t(`programs.${program}Hint`)}
              disabled={disabled}
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </Fieldset>
  );
}
