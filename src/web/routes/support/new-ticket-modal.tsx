import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SUPPORT_BODY_MAX,
  SUPPORT_SUBJECT_MAX,
  SupportTicketCreateBody,
  type SupportTicketDetail,
} from '../../../shared/api/support';
import { isApiError } from '../../api/client';
import { useCreateSupportTicket } from '../../api/queries/support';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { useForm } from '../../lib/use-form';
import { SerialSelect } from './serial-select';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** A serial to start with, e.g. from a link in the license table. */
  initialSerial?: string | undefined;
  onCreated?: (ticket: SupportTicketDetail) => void;
};

/** «Новое обращение» (seed 000): a serial number of the organization, a subject and the text. */
export function NewTicketModal({ opened, onClose, initialSerial, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('support.newTicketTitle')} size="lg" centered>
      {/* Mounted only while open: every opening starts a fresh form and a fresh idempotency key. */}
      {opened && <NewTicketForm onClose={onClose} initialSerial={initialSerial} onCreated={onCreated} />}
    </Modal>
  );
}

function NewTicketForm({ onClose, initialSerial, onCreated }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateSupportTicket();
  const notifyError = useNotifyError();
  // One key per opened form: a double click or a retry after a lost answer creates one request. A refused
  // request stored nothing under the key, so the corrected form may reuse it.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: { serial: initialSerial ?? '', subject: '', body: '' },
    schema: SupportTicketCreateBody,
  });

  const submit = form.onSubmit((body) =>
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (ticket) => {
          notifySuccess(t('support.created', { number: ticket.number }));
          onCreated?.(ticket);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'SUPPORT_SERIAL_UNKNOWN')) form.setErrors({ serial: error.message });
          else if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SerialSelect
          value={form.values.serial}
          onChange={(serial) => form.setFieldValue('serial', serial)}
          error={form.errors.serial}
        />
        <TextInput
          label={t('support.subject')}
          required
          maxLength={SUPPORT_SUBJECT_MAX}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('support.message')}
          required
          autosize
          minRows={6}
          maxRows={16}
          maxLength={SUPPORT_BODY_MAX}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('support.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
