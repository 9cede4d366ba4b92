import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ForgotPasswordBody } from '../../../shared/api/auth';
import { useForgotPassword } from '../../api/queries/auth';
import { AnchorLink } from '../../components/links';
import { useErrorMessage } from '../../lib/errors';
import { useForm } from '../../lib/use-form';
import { AuthLayout } from './auth-layout';

/**
 * «Восстановление пароля» (seed 001). The answer never tells whether the address is registered, so
 * nobody can probe for accounts.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const describe = useErrorMessage();
  const form = useForm({ initialValues: { email: '' }, schema: ForgotPasswordBody });

  return (
    <AuthLayout title={t('auth.forgotTitle')} description={t('auth.forgotDescription')}>
      {forgot.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" icon={<IconMailCheck size={18} />} role="status">
            {t('auth.forgotSent')}
          </Alert>
          <AnchorLink to="/login" size="sm" ta="center">
            {t('auth.backToLogin')}
          </AnchorLink>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit((body) => forgot.mutate(body))}>
          <Stack gap="md">
            {forgot.error && (
              <Text c="red" size="sm" role="alert">
                {describe(forgot.error)}
              </Text>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" fullWidth loading={forgot.isPending}>
              {t('auth.forgotButton')}
            </Button>
            <AnchorLink to="/login" size="sm" ta="center">
              {t('auth.backToLogin')}
            </AnchorLink>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
