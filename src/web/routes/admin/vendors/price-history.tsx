import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicensePrice, LicenseType } from '../../../../shared/api/devices';
import { addCalendarDays, formatDate, formatDateTime, moscowIsoDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAddLicensePrice, useDeleteLicensePrice } from '../../../api/queries/vendors';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { kopecksOf, PriceInput } from '../catalog/price-input';

const STATE_COLORS = { past: 'gray', current: 'teal', future: 'blue' } as const;

/** Today in Moscow as `YYYY-MM-DD`, and the day after. */
function moscowToday(): { today: string; tomorrow: string } {
  const today = moscowIsoDate(new Date());
  return { today, tomorrow: addCalendarDays(today, 1) };
}

/** «Новая цена с даты»: the earliest day offered is the one the server allows (no retroactive prices). */
function NewPriceForm({ type }: { type: LicenseType }) {
  const { t, i18n } = useTranslation();
  const add = useAddLicensePrice(type.id);
  const describe = useErrorMessage();
  const { today, tomorrow } = moscowToday();
  const earliest = type.prices.some((p) => p.validFrom <= today) ? tomorrow : today;
  const [validFrom, setValidFrom] = useState<string | null>(earliest);
  const [partner, setPartner] = useState<number | string>('');
  const [retail, setRetail] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const partnerPriceKopecks = kopecksOf(partner);
    const retailPriceKopecks = kopecksOf(retail);
    if (!validFrom || partnerPriceKopecks === null || retailPriceKopecks === null)
      return setError(t('partnerRef.prices.fillAll'));
    add.mutate(
      { validFrom, partnerPriceKopecks, retailPriceKopecks },
      {
        onSuccess: () => {
          notifySuccess(t('partnerRef.prices.added', { date: formatDate(validFrom) }));
          setPartner('');
          setRetail('');
          setError(null);
        },
        onError: (failure) => setError(describe(failure)),
      },
    );
  };
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form noValidate onSubmit={submit} aria-label={t('partnerRef.prices.newTitle')}>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('partnerRef.prices.newTitle')}
          </Text>
          <Group align="flex-start" gap="sm">
            <DatePickerInput
              label={t('partnerRef.prices.validFrom')}
              valueFormat="DD.MM.YYYY"
              minDate={earliest}
              value={validFrom}
              onChange={setValidFrom}
              w={170}
            />
            <PriceInput
              label={t('partnerRef.prices.partner')}
              value={partner}
              onChange={setPartner}
              w={170}
            />
            <PriceInput label={t('partnerRef.prices.retail')} value={retail} onChange={setRetail} w={170} />
            <Button type="submit" mt={25} loading={add.isPending}>
              {t('partnerRef.prices.add')}
            </Button>
          </Group>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('partnerRef.prices.rule')}
          </Text>
        </Stack>
      </form>
    </DatesProvider>
  );
}

/** The price history, newest first: past, current, future; only a future price may be withdrawn. */
export function PriceHistory({ type, canEdit }: { type: LicenseType; canEdit: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteLicensePrice(type.id);
  const notifyError = useNotifyError();
  const withdraw = (price: LicensePrice) =>
    confirmAction({
      title: t('partnerRef.prices.deleteTitle'),
      text: t('partnerRef.prices.deleteText', { date: formatDate(price.validFrom) }),
      confirm: t('partnerRef.prices.delete'),
      onConfirm: () => remove.mutate(price.id, { onError: notifyError }),
    });
  return (
    <Section title={t('partnerRef.prices.title')} description={t('partnerRef.prices.description')}>
      <Stack gap="lg">
        <DataTable
          aria-label={t('partnerRef.prices.title')}
          withTableBorder
          borderRadius="md"
          minHeight={type.prices.length ? undefined : 120}
          records={type.prices}
          noRecordsText={t('partnerRef.prices.empty')}
          columns={[
            {
              accessor: 'validFrom',
              title: t('partnerRef.prices.validFrom'),
              render: (p) => formatDate(p.validFrom),
            },
            {
              accessor: 'state',
              title: t('common.status'),
              render: (p) => (
                <Badge variant="light" color={STATE_COLORS[p.state]}>
                  {t(`partnerRef.prices.state.${p.state}`)}
                </Badge>
              ),
            },
            {
              accessor: 'partnerPriceKopecks',
              title: t('partnerRef.prices.partner'),
              textAlign: 'right',
              render: (p) => formatMoney(p.partnerPriceKopecks),
            },
            {
              accessor: 'retailPriceKopecks',
              title: t('partnerRef.prices.retail'),
              textAlign: 'right',
              render: (p) => formatMoney(p.retailPriceKopecks),
            },
            {
              accessor: 'createdAt',
              title: t('partnerRef.prices.createdAt'),
              render: (p) =>
                `${formatDateTime(p.createdAt)}${p.createdByEmail ? `, ${p.createdByEmail}` : ''}`,
            },
            {
              accessor: 'actions',
              title: '',
              width: 60,
              hidden: !canEdit,
              render: (p) =>
                p.state === 'future' && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('partnerRef.prices.deleteTitle')}
                    onClick={() => withdraw(p)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ),
            },
          ]}
        />
        {canEdit && <NewPriceForm type={type} />}
      </Stack>
    </Section>
  );
}
