import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTEGRATION_TOKEN_PERMISSIONS,
  IntegrationTokenCreateBody,
  type IntegrationTokenCreated,
} from '../../../../shared/api/integration-tokens';
import { useCreateIntegrationToken } from '../../../api/queries/integration-tokens';
import { useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { SecretOnce } from '../components/secret-once';
import { usePermissionLabel } from './permission-label';

type Props = { opened: boolean; onClose: () => void };

const EMPTY = { name: '', permissions: [] as string[] };

/** «Создать токен»: a name and the rights; the secret is shown here once, only its SHA-256 stays on the server. */
export function CreateIntegrationTokenModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const permissionLabel = usePermissionLabel();
  const create = useCreateIntegrationToken();
  const notifyError = useNotifyError();
  const [created, setCreated] = useState<IntegrationTokenCreated | null>(null);
  const form = useForm({ initialValues: EMPTY, schema: IntegrationTokenCreateBody });

  const close = () => {
    setCreated(null);
    form.reset(EMPTY);
    onClose();
  };
  const submit = form.onSubmit((body) =>
    create.mutate(body, {
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
      title={created ? t('integrationTokens.createdTitle') : t('integrationTokens.create')}
      size="lg"
      centered
      // The secret must not vanish by a stray click outside: only the button closes this window.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <SecretOnce token={created.token} keys="integrationTokens" onDone={close} />
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('integrationTokens.name')}
              description={t('integrationTokens.nameHint')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Checkbox.Group
              label={t('integrationTokens.permissions')}
              description={t('integrationTokens.permissionsHint')}
              required
              value={form.values.permissions}
              onChange={(value) => form.setFieldValue('permissions', value)}
              error={form.getInputProps('permissions').error}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {INTEGRATION_TOKEN_PERMISSIONS.map((permission) => (
                  <Checkbox key={permission} value={permission} label={permissionLabel(permission)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('integrationTokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
