import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DeviceModel,
  INSTALL_METHODS,
  type InstallMethod,
  type Vendor,
} from '../../../../shared/api/devices';
import { useSaveModel } from '../../../api/queries/vendors';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess } from '../../../lib/notify';

const VENDOR_DEFAULT = 'vendor';

/** Name and install method of a new or an existing model; the method may follow the vendor's. */
function ModelForm({
  vendorId,
  model,
  onDone,
}: {
  vendorId: string;
  model: DeviceModel | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveModel(vendorId);
  const describe = useErrorMessage();
  const [name, setName] = useState(model?.name ?? '');
  const [method, setMethod] = useState<string>(model?.installMethod ?? VENDOR_DEFAULT);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError(t('partnerRef.models.nameRequired'));
    save.mutate(
      {
        ...(model ? { modelId: model.id } : {}),
        body: {
          name: name.trim(),
          installMethod: method === VENDOR_DEFAULT ? null : (method as InstallMethod),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(model ? t('common.saved') : t('partnerRef.models.added', { name: name.trim() }));
          setName('');
          onDone();
        },
        onError: (failure) => setError(describe(failure)),
      },
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('partnerRef.models.name')}
          placeholder="NETPAY-ФС"
          value={name}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('partnerRef.vendors.installMethod')}
          data={[
            { value: VENDOR_DEFAULT, label: t('partnerRef.models.vendorMethod') },
            ...INSTALL_METHODS.map((value) => ({ value, label: t(`partnerRef.installMethods.${value}`) })),
          ]}
          value={method}
          onChange={(value) => setMethod(value ?? VENDOR_DEFAULT)}
          allowDeselect={false}
          w={240}
        />
        <Button
          type="submit"
          mt={25}
          loading={save.isPending}
          leftSection={model ? undefined : <IconPlus size={16} />}
        >
          {model ? t('common.save') : t('partnerRef.models.add')}
        </Button>
      </Group>
    </form>
  );
}

/** The vendor's models: how many registry devices each has, its install method; add and rename. */
export function ModelsSection({ vendor, canEdit }: { vendor: Vendor; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<DeviceModel | null>(null);
  const methodLabel = (model: DeviceModel) =>
    model.installMethod
      ? t(`partnerRef.installMethods.${model.installMethod}`)
      : `${t(`partnerRef.installMethods.${vendor.installMethod}`)} (${t('partnerRef.models.asVendor')})`;
  return (
    <Section title={t('partnerRef.models.title')} description={t('partnerRef.models.description')}>
      <Stack gap="md">
        <DataTable
          aria-label={t('partnerRef.models.title')}
          withTableBorder
          borderRadius="md"
          minHeight={vendor.models.length ? undefined : 120}
          records={vendor.models}
          noRecordsText={t('partnerRef.models.empty')}
          columns={[
            { accessor: 'name', title: t('partnerRef.models.name') },
            { accessor: 'installMethod', title: t('partnerRef.vendors.installMethod'), render: methodLabel },
            { accessor: 'devicesCount', title: t('partnerRef.models.devices'), textAlign: 'right' },
            {
              accessor: 'actions',
              title: '',
              width: 60,
              hidden: !canEdit,
              render: (model) => (
                <ActionIcon
                  variant="subtle"
                  aria-label={t('partnerRef.models.edit', { name: model.name })}
                  onClick={() => setEditing(model)}
                >
                  <IconPencil size={16} />
                </ActionIcon>
              ),
            },
          ]}
        />
        {canEdit && (
          <>
            <Text size="sm" fw={500}>
              {t('partnerRef.models.addTitle')}
            </Text>
            <ModelForm vendorId={vendor.id} model={null} onDone={() => {}} />
          </>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.name} size="lg">
        {editing && <ModelForm vendorId={vendor.id} model={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}
