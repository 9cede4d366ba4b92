import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, Vendor } from '../../../../shared/api/devices';
import { useUpdateDevice } from '../../../api/queries/devices';
import { notifySuccess, useNotifyError } from '../../../lib/notify';

type Props = { device: Device | null; vendors: Vendor[]; onClose: () => void };

/**
 * The device card's correction by hand: a model of the same vendor, or another subscription end — also an
 * earlier one, which an import never sets. Audited on the server.
 */
export function DeviceModal({ device, vendors, onClose }: Props) {
  return (
    <Modal opened={device !== null} onClose={onClose} title={device?.serial} size="md">
      {device && <DeviceForm key={device.id} device={device} vendors={vendors} onClose={onClose} />}
    </Modal>
  );
}

function DeviceForm({
  device,
  vendors,
  onClose,
}: {
  device: Device;
  vendors: Vendor[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateDevice(device.id);
  const notifyError = useNotifyError();
  const [modelId, setModelId] = useState(device.modelId);
  const [end, setEnd] = useState<string | null>(device.subscriptionEnd);
  const models = vendors.find((v) => v.id === device.vendorId)?.models ?? [];
  const dirty = modelId !== device.modelId || end !== device.subscriptionEnd;
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('partnerRef.devices.vendor')}: {device.vendorName}
        </Text>
        <Select
          label={t('partnerRef.devices.model')}
          data={models.map((m) => ({ value: m.id, label: m.name }))}
          value={modelId}
          onChange={(value) => setModelId(value ?? device.modelId)}
          allowDeselect={false}
        />
        <DatePickerInput
          label={t('partnerRef.devices.subscriptionEnd')}
          description={t('partnerRef.devices.subscriptionEndHint')}
          valueFormat="DD.MM.YYYY"
          clearable
          value={end}
          onChange={setEnd}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!dirty}
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { modelId, subscriptionEnd: end },
                {
                  onSuccess: () => {
                    notifySuccess(t('common.saved'));
                    onClose();
                  },
                  onError: notifyError,
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </DatesProvider>
  );
}
