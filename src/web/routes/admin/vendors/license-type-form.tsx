import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type LicenseType,
  LicenseTypeSaveBody,
  VAT_MODES,
  type VatMode,
} from '../../../../shared/api/devices';
import { useSaveLicenseType, useVendors } from '../../../api/queries/vendors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

function valuesOf(type: LicenseType | null) {
  return {
    vendorId: type?.vendorId ?? '',
    name: type?.name ?? '',
    termMonths: type?.termMonths ?? 12,
    vatMode: (type?.vatMode ?? 'exempt') as VatMode,
    vatRatePercent: type?.vatRatePercent ?? 22,
    modelIds: type?.models.map((m) => m.id) ?? ([] as string[]),
    archived: type?.archived ?? false,
  };
}

type Props = { type: LicenseType | null; readOnly?: boolean; onSaved?: (type: LicenseType) => void };

/** Name, vendor (fixed once created), term, VAT, the models it covers, archive flag. */
export function LicenseTypeForm({ type, readOnly = false, onSaved }: Props) {
  const { t } = useTranslation();
  const vendors = useVendors();
  const save = useSaveLicenseType(type?.id);
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: valuesOf(type),
    schema: LicenseTypeSaveBody,
    transform: (values) => ({
      ...values,
      termMonths: Number(values.termMonths),
      vatRatePercent: values.vatMode === 'rate' ? Number(values.vatRatePercent) : null,
    }),
  });
  const vendor = vendors.data?.items.find((v) => v.id === form.values.vendorId);
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
    <form noValidate onSubmit={submit} aria-label={t('partnerRef.licenseTypes.cardTitle')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Textarea
            label={t('partnerRef.licenseTypes.name')}
            placeholder={t('partnerRef.licenseTypes.namePlaceholder')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partnerRef.devices.vendor')}
              description={type ? t('partnerRef.licenseTypes.vendorFixed') : undefined}
              data={(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
              disabled={type !== null}
              required
              value={form.values.vendorId || null}
              error={form.errors.vendorId}
              onChange={(value) => {
                form.setFieldValue('vendorId', value ?? '');
                form.setFieldValue('modelIds', []);
              }}
            />
            <NumberInput
              label={t('partnerRef.licenseTypes.termMonths')}
              min={1}
              max={120}
              allowDecimal={false}
              {...form.getInputProps('termMonths')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('partnerRef.licenseTypes.models')}
            description={t('partnerRef.licenseTypes.modelsHint')}
            data={(vendor?.models ?? []).map((m) => ({ value: m.id, label: m.name }))}
            searchable
            {...form.getInputProps('modelIds')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('partnerRef.licenseTypes.vat')}
            </Text>
            <Group align="center">
              <SegmentedControl
                aria-label={t('partnerRef.licenseTypes.vat')}
                data={VAT_MODES.map((value) => ({ value, label: t(`partnerRef.vat.${value}`) }))}
                value={form.values.vatMode}
                onChange={(value) => form.setFieldValue('vatMode', value as VatMode)}
              />
              {form.values.vatMode === 'rate' && (
                <NumberInput
                  aria-label={t('partnerRef.licenseTypes.vatRate')}
                  suffix=" %"
                  min={0}
                  max={100}
                  allowDecimal={false}
                  w={110}
                  {...form.getInputProps('vatRatePercent')}
                />
              )}
            </Group>
            {form.values.vatMode === 'exempt' && (
              <Text size="xs" c="dimmed">
                {t('partnerRef.vat.exemptHint')}
              </Text>
            )}
          </Stack>
          <Checkbox
            label={t('partnerRef.licenseTypes.archived')}
            {...form.getInputProps('archived', { type: 'checkbox' })}
          />
          {!readOnly && (
            <Group justify="flex-end">
              {type && (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
                  {t('common.reset')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={type !== null && !form.isDirty}>
                {type ? t('common.save') : t('partnerRef.licenseTypes.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
