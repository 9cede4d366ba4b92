import { Button, Code, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminLicenseListItem } from '../../../../shared/api/licenses';
import { useSetActivations } from '../../../api/queries/licenses';
import { notifySuccess, useNotifyError } from '../../../lib/notify';

type Props = { license: AdminLicenseListItem | null; onClose: () => void };

/** «Активировано» by hand: the new total, 0 … the license's quantity (the activation server may overwrite it). */
export function ActivationsModal({ license, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useSetActivations();
  const notifyError = useNotifyError();
  const [count, setCount] = useState<number | string>(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (license) {
      setCount(license.activated);
      setError(null);
    }
  }, [license]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!license) return;
    if (typeof count !== 'number' || count < 0 || count > license.quantity) {
      setError(t('licensesAdmin.registry.activatedRange', { max: license.quantity }));
      return;
    }
    mutation.mutate(
      { licenseId: license.id, count },
      {
        onSuccess: () => {
          notifySuccess(t('licensesAdmin.registry.activatedSaved', { serial: license.serial, count }));
          onClose();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Modal
      opened={license !== null}
      onClose={onClose}
      title={t('licensesAdmin.registry.setActivated')}
      centered
    >
      {license && (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <div>
              <Text size="xs" c="dimmed">
                {license.organization.shortName}
              </Text>
              <Code fz="sm">{license.serial}</Code>
            </div>
            <NumberInput
              label={t('licenses.activated')}
              description={t('licensesAdmin.registry.activatedHint', { max: license.quantity })}
              min={0}
              max={license.quantity}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              value={count}
              onChange={(value) => {
                setCount(value);
                setError(null);
              }}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
