import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { usePartnerActivationComment } from '../../../api/queries/partner-activations';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { usePartnerTranslation } from '../i18n';

const COMMENT_MAX = 500;

type Props = { activationId: string; comment: string | null; opened: boolean; onClose: () => void };

/** «Добавить комментарий» (seed 2.5): e.g. for which client the activation was made; empty removes it. */
export function CommentModal({ activationId, comment, opened, onClose }: Props) {
  const { t } = usePartnerTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={comment ? t('activation.editComment') : t('activation.addComment')}
      centered
    >
      {opened && <CommentForm activationId={activationId} comment={comment} onClose={onClose} />}
    </Modal>
  );
}

function CommentForm({ activationId, comment, onClose }: Omit<Props, 'opened'>) {
  const { t } = usePartnerTranslation();
  const save = usePartnerActivationComment(activationId);
  const notifyError = useNotifyError();
  const [text, setText] = useState(comment ?? '');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { comment: text.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('activation.commentSaved'));
          onClose();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Textarea
          label={t('confirm.comment')}
          placeholder={t('confirm.commentPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={COMMENT_MAX}
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
