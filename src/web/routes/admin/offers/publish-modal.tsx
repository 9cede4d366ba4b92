import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferVersion } from '../../../../shared/api/offers';
import { formatDate } from '../../../../shared/dates';
import { useOfferMutation } from '../../../api/queries/offers';
import { notifySuccess, useNotifyError } from '../../../lib/notify';

/** Publish now, or from 00:00 Moscow time of a later day; partners accept it before their next activation. */
export function PublishModal({ offer, onClose }: { offer: OfferVersion | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const change = useOfferMutation();
  const notifyError = useNotifyError();
  const [when, setWhen] = useState<'now' | 'date'>('now');
  const [date, setDate] = useState<string | null>(null);
  const publish = () => {
    if (!offer) return;
    const publishedAt = when === 'date' && date ? `${date}T00:00:00+03:00` : undefined;
    change.mutate(
      { kind: 'publish', offerId: offer.id, body: publishedAt ? { publishedAt } : {} },
      {
        onSuccess: () => {
          notifySuccess(
            publishedAt
              ? t('partnerRef.offers.scheduled', { date: formatDate(publishedAt) })
              : t('partnerRef.offers.published'),
          );
          onClose();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Modal opened={offer !== null} onClose={onClose} title={t('partnerRef.offers.publishTitle')}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Stack gap="md">
          <Text size="sm">{t('partnerRef.offers.publishText', { title: offer?.title ?? '' })}</Text>
          <Radio.Group value={when} onChange={(value) => setWhen(value as 'now' | 'date')}>
            <Stack gap="xs">
              <Radio value="now" label={t('partnerRef.offers.publishNow')} />
              <Radio value="date" label={t('partnerRef.offers.publishFrom')} />
            </Stack>
          </Radio.Group>
          {when === 'date' && (
            <DatePickerInput
              aria-label={t('partnerRef.offers.publishFrom')}
              valueFormat="DD.MM.YYYY"
              minDate={new Date()}
              value={date}
              onChange={setDate}
              w={200}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={publish} loading={change.isPending} disabled={when === 'date' && !date}>
              {t('partnerRef.offers.publish')}
            </Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}
