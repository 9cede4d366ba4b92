import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductApiTokenCreateBody, type ProductApiTokenCreated } from '../../../../shared/api/catalog';
import { useCreateProductToken } from '../../../api/queries/catalog';
import { useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { SecretOnce } from '../components/secret-once';

type Props = { productCode: string; opened: boolean; onClose: () => void };

/** «Создать токен»: the secret is shown here once; only its SHA-256 stays on the server. */
export function CreateTokenModal({ productCode, opened, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useCreateProductToken(productCode);
  const notifyError = useNotifyError();
  const [created, setCreated] = useState<ProductApiTokenCreated | null>(null);
  const form = useForm({ initialValues: { name: '' }, schema: ProductApiTokenCreateBody });

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
      title={created ? t('catalogAdmin.tokens.createdTitle') : t('catalogAdmin.tokens.create')}
      size="lg"
      centered
      // The secret must not vanish by a stray click outside: only the button closes this window.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <SecretOnce token={created.token} keys="catalogAdmin.tokens" onDone={close} />
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('catalogAdmin.tokens.name')}
              description={t('catalogAdmin.tokens.nameHint')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('catalogAdmin.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
