import { Alert, Button, PasswordInput, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, ResetPasswordBody } from '../../../shared/api/auth';
import { useResetPassword, useResetTokenStatus } from '../../api/queries/auth';
import { AnchorLink } from '../../components/links';
import { useErrorMessage } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useForm } from '../../lib/use-form';
import { AuthLayout } from './auth-layout';

const route = getRouteApi('/reset-password');

/** The page of the emailed link: checks the token first, then asks for the new password twice. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = route.useSearch();
  const status = useResetTokenStatus(token);

  let body: ReactNode;
  if (token && status.isPending) body = <Skeleton h={180} />;
  else if (!token || !status.data?.valid) {
    body = (
      <Stack gap="md">
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert">
          {t('auth.resetInvalid')}
        </Alert>
        <AnchorLink to="/forgot-password" size="sm" ta="center">
          {t('auth.requestNewLink')}
        </AnchorLink>
      </Stack>
    );
  } else body = <ResetForm token={token} email={status.data.email} />;

  return <AuthLayout title={t('auth.resetTitle')}>{body}</AuthLayout>;
}

function ResetForm({ token, email }: { token: string; email: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetPassword();
  const describe = useErrorMessage();
  const form = useForm({
    initialValues: { newPassword: '', repeat: '' },
    schema: ResetPasswordBody,
    transform: (values) => ({ token, newPassword: values.newPassword }),
    validate: (values) =>
      values.repeat !== values.newPassword ? { repeat: t('settings.passwordsDiffer') } : {},
  });

  const submit = form.onSubmit((body) =>
    reset.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('auth.resetDone'));
        void navigate({ to: '/login' });
      },
      onError: (error) => form.applyServerError(error),
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {email && (
          <Text size="sm">
            {t('auth.resetFor')} <b>{email}</b>
          </Text>
        )}
        {reset.error && !form.errors.newPassword && (
          <Alert color="red" role="alert">
            {describe(reset.error)}
          </Alert>
        )}
        <PasswordInput
          label={t('settings.newPassword')}
          description={t('settings.passwordHint', { count: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          autoFocus
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('settings.repeatPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <Button type="submit" fullWidth loading={reset.isPending}>
          {t('auth.resetButton')}
        </Button>
      </Stack>
    </form>
  );
}
