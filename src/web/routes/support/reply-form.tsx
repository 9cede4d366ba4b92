import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_BODY_MAX, SupportMessageBody } from '../../../shared/api/support';
import { useNotifyError } from '../../lib/notify';
import { useForm } from '../../lib/use-form';

type Props = {
  /** Resolves when the message is saved; the box is emptied then. */
  onSend: (body: string) => Promise<unknown>;
  pending: boolean;
  label?: string;
  /** Extra buttons next to «Отправить» (close, reopen). */
  extra?: ReactNode;
};

/** The reply box under a thread, in the cabinet and in the back office alike. */
export function ReplyForm({ onSend, pending, label, extra }: Props) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const form = useForm({ initialValues: { body: '' }, schema: SupportMessageBody });
  const submit = form.onSubmit(async ({ body }) => {
    try {
      await onSend(body);
      form.reset({ body: '' });
    } catch (error) {
      if (!form.applyServerError(error)) notifyError(error);
    }
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label={label ?? t('support.message')}
          autosize
          minRows={4}
          maxRows={16}
          maxLength={SUPPORT_BODY_MAX}
          {...form.getInputProps('body')}
        />
        <Group justify="space-between">
          <Group gap="xs">{extra}</Group>
          <Button type="submit" loading={pending} leftSection={<IconSend size={16} />}>
            {t('support.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
