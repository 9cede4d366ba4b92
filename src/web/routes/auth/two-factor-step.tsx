import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '../../../shared/api/auth';
import { isApiError } from '../../api/client';
import { useLoginTwoFactor } from '../../api/queries/auth';
import { CodeInput } from '../../components/code-input';
import { useErrorMessage } from '../../lib/errors';

type Props = {
  onDone: (result: LoginResponse) => void;
  /** Back to email and password; with a message when the half-finished login expired. */
  onBack: (message?: string) => void;
};

/** The 6-digit code from the authenticator app; submits by itself when the sixth digit is typed. */
export function TwoFactorStep({ onDone, onBack }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = useLoginTwoFactor();
  const describe = useErrorMessage();

  const submit = (value: string) => {
    if (!/^\d{6}$/.test(value) || verify.isPending) return;
    verify.mutate(
      { code: value },
      {
        onSuccess: onDone,
        onError: (error) => {
          setCode('');
          // Too many wrong codes end the pending session: the password is needed again.
          if (isApiError(error, 'UNAUTHENTICATED')) onBack(describe(error));
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(code);
      }}
    >
      <Stack gap="md">
        {verify.error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {describe(verify.error)}
          </Alert>
        )}
        <CodeInput
          label={t('auth.codeLabel')}
          value={code}
          onChange={setCode}
          onComplete={submit}
          autoFocus
        />
        <Button type="submit" fullWidth loading={verify.isPending} disabled={code.length !== 6}>
          {t('auth.confirm')}
        </Button>
        <Button variant="subtle" color="gray" onClick={() => onBack()}>
          {t('common.back')}
        </Button>
      </Stack>
    </form>
  );
}
