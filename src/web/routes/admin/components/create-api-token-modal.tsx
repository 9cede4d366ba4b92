import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { SecretOnce } from './secret-once';

/** A token just created: the answer carries the secret, shown once. */
type Created = { token: string };

type Props = {
  /** The i18n block with `create`, `createdTitle`, `name`, `nameHint` and SecretOnce's keys. */
  keys: string;
  /** Creates a token by its name. */
  create: UseMutationResult<Created, Error, string>;
  /** The shared request schema of the name. */
  schema: z.ZodType<{ name: string }>;
  opened: boolean;
  onClose: () => void;
};

/** «Создать токен»: a name; the secret is shown here once, only its SHA-256 stays on the server. */
export function CreateApiTokenModal({ keys, create, schema, opened, onClose }: Props) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm({ initialValues: { name: '' }, schema });

  const close = () => {
    setCreated(null);
    form.reset({ name: '' });
    onClose();
  };
  const submit = form.onSubmit((body) =>
    create.mutate(body.name, {
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
      title={created ? t(`${keys}.createdTitle`) : t(`${keys}.create`)}
      size="lg"
      centered
      // The secret must not vanish by a stray click outside: only the button closes this window.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <SecretOnce token={created.token} keys={keys} onDone={close} />
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t(`${keys}.name`)}
              description={t(`${keys}.nameHint`)}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t(`${keys}.create`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
