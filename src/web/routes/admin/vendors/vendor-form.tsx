import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  INSTALL_METHODS,
  type InstallMethod,
  type Vendor,
  VendorSaveBody,
} from '../../../../shared/api/devices';
import { useSaveVendor } from '../../../api/queries/vendors';
import { nullIfEmpty } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

type Link = { title: string; url: string };

function valuesOf(vendor: Vendor | null) {
  return {
    name: vendor?.name ?? '',
    fullName: vendor?.fullName ?? '',
    inn: vendor?.inn ?? '',
    kpp: vendor?.kpp ?? '',
    ogrn: vendor?.ogrn ?? '',
    installMethod: (vendor?.installMethod ?? 'file') as InstallMethod,
    installNote: vendor?.installNote ?? '',
    instructionLinks: (vendor?.instructionLinks ?? []) as Link[],
    integrationUrl: vendor?.integrationUrl ?? '',
  };
}

type Props = { vendor: Vendor | null; readOnly?: boolean; onSaved?: (vendor: Vendor) => void };

/** A vendor's requisites (ОГРН required, ИНН/КПП checked when given), install method and instruction links. */
export function VendorForm({ vendor, readOnly = false, onSaved }: Props) {
  const { t } = useTranslation();
  const save = useSaveVendor(vendor?.id);
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: valuesOf(vendor),
    schema: VendorSaveBody,
    transform: (values) => ({
      ...values,
      inn: nullIfEmpty(values.inn),
      kpp: nullIfEmpty(values.kpp),
      integrationUrl: nullIfEmpty(values.integrationUrl),
    }),
  });
  const links = form.values.instructionLinks;
  const setLinks = (next: Link[]) => form.setFieldValue('instructionLinks', next);

  const submit = form.onSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        notifySuccess(t('common.saved'));
        onSaved?.(saved);
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t('partnerRef.vendors.cardTitle')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('partnerRef.vendors.name')} required {...form.getInputProps('name')} />
            <TextInput
              label={t('partnerRef.vendors.fullName')}
              required
              {...form.getInputProps('fullName')}
            />
            <TextInput label={t('organization.ogrn')} required {...form.getInputProps('ogrn')} />
            <Group grow align="flex-start">
              <TextInput label={t('organization.inn')} {...form.getInputProps('inn')} />
              <TextInput label={t('organization.kpp')} {...form.getInputProps('kpp')} />
            </Group>
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('partnerRef.vendors.installMethod')}
            </Text>
            <SegmentedControl
              aria-label={t('partnerRef.vendors.installMethod')}
              data={INSTALL_METHODS.map((value) => ({
                value,
                label: t(`partnerRef.installMethods.${value}`),
              }))}
              value={form.values.installMethod}
              onChange={(value) => form.setFieldValue('installMethod', value as InstallMethod)}
              w="fit-content"
            />
          </Stack>
          <TextInput
            label={t('partnerOps.vendor.integrationUrl')}
            description={t('partnerOps.vendor.integrationUrlHint')}
            placeholder="https://"
            inputMode="url"
            {...form.getInputProps('integrationUrl')}
          />
          <Textarea
            label={t('partnerRef.vendors.installNote')}
            description={t('partnerRef.vendors.installNoteHint')}
            autosize
            minRows={2}
            {...form.getInputProps('installNote')}
          />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('partnerRef.vendors.links')}
            </Text>
            {links.map((link, index) => (
              // Links have no id of their own; their position is their identity while editing.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={t('partnerRef.vendors.linkTitle')}
                  placeholder={t('partnerRef.vendors.linkTitle')}
                  value={link.title}
                  error={form.errors[`instructionLinks.${index}.title`]}
                  onChange={(e) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, title: e.currentTarget.value } : l)))
                  }
                  style={{ flex: 1 }}
                />
                <TextInput
                  aria-label={t('partnerRef.vendors.linkUrl')}
                  placeholder="https://"
                  value={link.url}
                  error={form.errors[`instructionLinks.${index}.url`]}
                  onChange={(e) =>
                    setLinks(links.map((l, i) => (i === index ? { ...l, url: e.currentTarget.value } : l)))
                  }
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('partnerRef.vendors.removeLink')}
                  onClick={() => setLinks(links.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              w="fit-content"
              onClick={() => setLinks([...links, { title: '', url: '' }])}
            >
              {t('partnerRef.vendors.addLink')}
            </Button>
          </Stack>
          {!readOnly && (
            <Group justify="flex-end">
              {vendor && (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
                  {t('common.reset')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={vendor !== null && !form.isDirty}>
                {vendor ? t('common.save') : t('partnerRef.vendors.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
