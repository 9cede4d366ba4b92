import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody, PASSWORD_MIN_LENGTH } from '../../../shared/api/auth';
import { ApiError } from '../../api/client';
import { useChangePassword } from '../../api/queries/auth';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { useForm } from '../../lib/use-form';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** «Смена пароля» (seed 000, рис. 4): the old password, then the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: EMPTY,
    schema: ChangePasswordBody,
    transform: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    validate: (values) =>
      values.repeat !== values.newPassword ? { repeat: t('settings.passwordsDiffer') } : {},
  });

  const submit = form.onSubmit((body) =>
    change.mutate(body, {
      onSuccess: () => {
        form.reset(EMPTY);
        notifySuccess(t('settings.passwordChanged'));
      },
      onError: (error) => {
        if (form.applyServerError(error)) return;
        // Apart from the schema's rules only the current password can be wrong.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          form.setErrors({ currentPassword: describe(error) });
        } else notifyError(error);
      },
    }),
  );

  return (
    <Section title={t('settings.passwordTitle')}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md" maw={420}>
          <PasswordInput
            label={t('settings.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('settings.newPassword')}
            description={t('settings.passwordHint', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('settings.repeatPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('settings.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
