import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { getRouteApi, useNavigate, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginBody, type LoginResponse } from '../../../shared/api/auth';
import { isApiError } from '../../api/client';
import { useLogin } from '../../api/queries/auth';
import { AnchorLink } from '../../components/links';
import { useErrorMessage } from '../../lib/errors';
import { useForm } from '../../lib/use-form';
import { AuthLayout } from './auth-layout';
import { TwoFactorStep } from './two-factor-step';

const route = getRouteApi('/login');

/** «Вход в личный кабинет» (seed 000, рис. 1); a second step asks for the TOTP code when 2FA is on. */
export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const router = useRouter();
  const navigate = useNavigate();
  const login = useLogin();
  const describe = useErrorMessage();
  const [step, setStep] = useState<'credentials' | 'code'>('credentials');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' }, schema: LoginBody });

  const proceed = (result: LoginResponse) => {
    if (result.status === 'two_factor_required') {
      setStep('code');
      return;
    }
    if (redirect) router.history.push(redirect);
    else void navigate({ to: '/' });
  };

  if (step === 'code') {
    return (
      <AuthLayout title={t('auth.loginTitle')} description={t('auth.twoFactorDescription')}>
        <TwoFactorStep
          onDone={proceed}
          onBack={(message) => {
            login.reset();
            setNotice(message ?? null);
            setStep('credentials');
          }}
        />
      </AuthLayout>
    );
  }

  const locked = isApiError(login.error, 'LOGIN_LOCKED');
  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((body) => {
          setNotice(null);
          login.mutate(body, { onSuccess: proceed });
        })}
      >
        <Stack gap="md">
          {notice && !login.error && (
            <Alert color="orange" icon={<IconAlertCircle size={18} />} role="alert">
              {notice}
            </Alert>
          )}
          {login.error && (
            <Alert
              color={locked ? 'orange' : 'red'}
              icon={locked ? <IconLock size={18} /> : <IconAlertCircle size={18} />}
              role="alert"
            >
              {describe(login.error)}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={login.isPending}>
            {t('auth.loginButton')}
          </Button>
          <Anchor component={AnchorLink} to="/forgot-password" size="sm" ta="center">
            {t('auth.forgotLink')}
          </Anchor>
          <Anchor component={AnchorLink} to="/serial-number" size="xs" c="dimmed" ta="center">
            {t('serialNumber.title')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
