import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VendorApiTokenCreateBody, type VendorApiTokenCreated } from '../../../../shared/api/activations';
import { useCreateVendorToken } from '../../../api/queries/admin-partner-keys';
import { useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { SecretOnce } from '../components/secret-once';

type Props = { vendorId: string; opened: boolean; onClose: () => void };

/** «Создать токен» for the device check-in API: the `kbv_…` secret is shown here once (only its SHA-256 is kept). */
export function VendorTokenModal({ vendorId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useCreateVendorToken(vendorId);
  const notifyError = useNotifyError();
  const [created, setCreated] = useState<VendorApiTokenCreated | null>(null);
  const form = useForm({ initialValues: { name: '' }, schema: VendorApiTokenCreateBody });

  const close = () => {
    setCreated(null);
    form.reset({ name: '' });
    onClose();
  };
  const submit = form.onSubmit((body) =>
    mutation.mutate(body.name, {
      onSuccess: setCreated,
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('partnerOps.vendorTokens.createdTitle') : t('partnerOps.vendorTokens.create')}
      size="lg"
      centered
      // The secret must not vanish by a stray click outside: only the button closes this window.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <SecretOnce token={created.token} keys="partnerOps.vendorTokens" onDone={close} />
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('partnerOps.vendorTokens.name')}
              description={t('partnerOps.vendorTokens.nameHint')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('partnerOps.vendorTokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
