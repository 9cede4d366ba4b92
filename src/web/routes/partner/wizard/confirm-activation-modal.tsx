import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ActivationCreateResponse, PrecheckRow } from '../../../../shared/api/activations';
import { formatMoney } from '../../../../shared/money';
import { useCreateActivations } from '../../../api/queries/partner-activations';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { usePartnerTranslation } from '../i18n';

const COMMENT_MAX = 500;

/** What the person confirms: the checked rows to activate and whether they saw the 180-day warning. */
export type ActivationRequest = { rows: PrecheckRow[]; confirmLongSubscriptions: boolean };

type Props = {
  organizationId: string;
  request: ActivationRequest | null;
  onCancel: () => void;
  onCreated: (response: ActivationCreateResponse) => void;
  onFailed: (error: unknown) => void;
};

/** Seed 2.4: «необходимо подтвердить или отменить действие», with an optional comment to the activation. */
export function ConfirmActivationModal({ request, onCancel, ...rest }: Props) {
  const { t } = usePartnerTranslation();
  return (
    <Modal opened={request !== null} onClose={onCancel} title={t('confirm.title')} centered>
      {/* Mounted only while open: every confirmation gets a fresh comment and a fresh idempotency key. */}
      {request && <ConfirmForm request={request} onCancel={onCancel} {...rest} />}
    </Modal>
  );
}

function ConfirmForm({
  organizationId,
  request,
  onCancel,
  onCreated,
  onFailed,
}: Props & { request: ActivationRequest }) {
  const { t } = usePartnerTranslation();
  const create = useCreateActivations();
  // One key per confirmation: a double click or a retry after a lost answer creates the activations once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [comment, setComment] = useState('');
  const total = request.rows.reduce((sum, row) => sum + (row.priceKopecks ?? 0), 0);
  const vendors = new Set(request.rows.map((row) => row.vendorId));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = comment.trim();
    create.mutate(
      {
        idempotencyKey,
        body: {
          organizationId,
          serials: request.rows.map((row) => row.serial),
          ...(text ? { comment: text } : {}),
          confirmLongSubscriptions: request.confirmLongSubscriptions,
        },
      },
      { onSuccess: onCreated, onError: onFailed },
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">
          {t('confirm.text', { count: request.rows.length, total: formatMoney(total) })}
          {vendors.size > 1 && ` ${t('confirm.vendors')}`}
        </Text>
        <Textarea
          label={t('confirm.comment')}
          placeholder={t('confirm.commentPlaceholder')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={COMMENT_MAX}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-autofocus>
            {t('common.ok')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
