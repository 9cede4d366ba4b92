import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductApiTokenCreateBody, type ProductApiTokenCreated } from '../../../../shared/api/catalog';
import { useCreateProductToken } from '../../../api/queries/catalog';
import { useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

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
        <Stack gap="md">
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title={t('catalogAdmin.tokens.onceTitle')}
          >
            {t('catalogAdmin.tokens.onceText')}
          </Alert>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code
              block
              style={{ flex: 1, wordBreak: 'break-all' }}
              aria-label={t('catalogAdmin.tokens.secret')}
            >
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('catalogAdmin.tokens.usage')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('catalogAdmin.tokens.done')}</Button>
          </Group>
        </Stack>
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
