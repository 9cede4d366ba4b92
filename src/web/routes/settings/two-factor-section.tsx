import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TwoFactorDisableBody } from '../../../shared/api/auth';
import { useMe, useTwoFactorDisable } from '../../api/queries/auth';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useForm } from '../../lib/use-form';
import { TwoFactorSetup } from './two-factor-setup';

/** «Двухфакторная аутентификация»: a TOTP app on top of the password. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [mode, setMode] = useState<'idle' | 'setup' | 'disable'>('idle');
  if (!me) return null;
  const enabled = me.user.twoFactorEnabled;

  return (
    <Section
      title={t('settings.twoFactorTitle')}
      description={t('settings.twoFactorText')}
      actions={
        <Badge color={enabled ? 'teal' : 'gray'} variant="light">
          {enabled ? t('settings.twoFactorOn') : t('settings.twoFactorOff')}
        </Badge>
      }
    >
      {mode === 'setup' && <TwoFactorSetup onDone={() => setMode('idle')} />}
      {mode === 'disable' && <DisableForm onDone={() => setMode('idle')} />}
      {mode === 'idle' &&
        (enabled ? (
          <Button variant="light" color="red" onClick={() => setMode('disable')}>
            {t('settings.twoFactorDisable')}
          </Button>
        ) : (
          <Button onClick={() => setMode('setup')}>{t('settings.twoFactorEnable')}</Button>
        ))}
    </Section>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useTwoFactorDisable();
  const describe = useErrorMessage();
  const form = useForm({ initialValues: { password: '' }, schema: TwoFactorDisableBody });

  const submit = form.onSubmit((body) =>
    disable.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('settings.twoFactorDisabled'));
        onDone();
      },
      onError: (error) => {
        if (!form.applyServerError(error)) form.setErrors({ password: describe(error) });
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md" maw={420}>
        <Text size="sm">{t('settings.twoFactorDisableText')}</Text>
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          autoFocus
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('settings.twoFactorDisable')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
