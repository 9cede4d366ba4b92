import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OfferSaveBody, type OfferVersion } from '../../../../shared/api/offers';
import { useOfferMutation } from '../../../api/queries/offers';
import { nullIfEmpty } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

type Props = { opened: boolean; offer: OfferVersion | null; onClose: () => void };

/** A new draft, or a draft's title, link and text (a published version is frozen). */
export function OfferModal({ opened, offer, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={offer ? t('partnerRef.offers.editTitle') : t('partnerRef.offers.createTitle')}
    >
      {opened && <OfferForm offer={offer} onClose={onClose} />}
    </Modal>
  );
}

function OfferForm({ offer, onClose }: { offer: OfferVersion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useOfferMutation();
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: { title: offer?.title ?? '', url: offer?.url ?? '', text: offer?.text ?? '' },
    schema: OfferSaveBody,
    transform: (values) => ({
      title: values.title,
      url: nullIfEmpty(values.url),
      text: nullIfEmpty(values.text),
    }),
  });
  const submit = form.onSubmit((body) =>
    change.mutate(offer ? { kind: 'edit', offerId: offer.id, body } : { kind: 'create', body }, {
      onSuccess: () => {
        notifySuccess(offer ? t('common.saved') : t('partnerRef.offers.created'));
        onClose();
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('partnerRef.offers.titleLabel')}
          placeholder={t('partnerRef.offers.titlePlaceholder')}
          required
          {...form.getInputProps('title')}
        />
        <TextInput
          label={t('partnerRef.offers.url')}
          description={t('partnerRef.offers.urlHint')}
          type="url"
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        <Textarea
          label={t('partnerRef.offers.text')}
          autosize
          minRows={6}
          maxRows={20}
          {...form.getInputProps('text')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
