import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrderDetail, OrderPaymentBody } from '../../../../shared/api/orders';
import { moscowIsoDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useRecordOrderPayment } from '../../../api/queries/admin-partner-orders';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { kopecksOf, PriceInput } from '../catalog/price-input';

type Props = {
  order: OrderDetail;
  /** Made when the form opens; null while it is closed. One key per opening: a double click pays once. */
  idempotencyKey: string | null;
  dueKopecks: number;
  onClose: () => void;
};

/** What an accountant types from a bank statement: `13.04.2026` (or `13.04.26`) → `2026-04-13`. */
export function parseRussianDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null;
  const [, day = '', month = '', rawYear = ''] = match;
  const year = rawYear.length === 2 ? `20${rawYear}` : rawYear;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** «Отметить оплату»: date, payment order №, amount (what is still due by default). */
export function PaymentModal({ order, idempotencyKey, dueKopecks, onClose }: Props) {
  const { t } = useTranslation();
  // The form stays on screen with its key while the window fades out; a new opening brings a new key and a
  // fresh form.
  const shown = useRef(idempotencyKey);
  if (idempotencyKey) shown.current = idempotencyKey;
  return (
    <Modal
      opened={idempotencyKey !== null}
      onClose={onClose}
      title={t('partnerOps.payments.modalTitle', { number: order.number, invoice: order.invoiceNumber })}
      centered
    >
      {shown.current && (
        <PaymentForm
          key={shown.current}
          order={order}
          idempotencyKey={shown.current}
          dueKopecks={dueKopecks}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function PaymentForm({ order, idempotencyKey, dueKopecks, onClose }: Props & { idempotencyKey: string }) {
  const { t, i18n } = useTranslation();
  const record = useRecordOrderPayment(order.id);
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: {
      paidOn: moscowIsoDate(new Date()) as string | null,
      reference: '',
      // As typed, in rubles (`2 000,50 ₽`); named after the body's field so the server's errors land here.
      amountKopecks: (dueKopecks / 100) as number | string,
    },
    schema: OrderPaymentBody,
    transform: (values) => ({
      paidOn: values.paidOn ?? '',
      reference: values.reference,
      amountKopecks: kopecksOf(values.amountKopecks) ?? undefined,
    }),
    validate: (values) =>
      kopecksOf(values.amountKopecks) === null
        ? { amountKopecks: t('partnerOps.payments.amountRequired') }
        : {},
  });
  const submit = form.onSubmit((body) =>
    record.mutate(
      { body, idempotencyKey },
      {
        onSuccess: () => {
          notifySuccess(t('partnerOps.payments.recorded'));
          onClose();
        },
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">
            {t('partnerOps.payments.due', {
              due: formatMoney(dueKopecks),
              total: formatMoney(order.totalKopecks),
            })}
          </Text>
          <DateInput
            label={t('partnerOps.payments.paidOn')}
            required
            valueFormat="DD.MM.YYYY"
            dateParser={parseRussianDate}
            placeholder="дд.мм.гггг"
            maxDate={moscowIsoDate(new Date())}
            popoverProps={{ withinPortal: true }}
            value={form.values.paidOn}
            onChange={(value) => form.setFieldValue('paidOn', value)}
            error={form.errors.paidOn}
          />
          <TextInput
            label={t('partnerOps.payments.reference')}
            required
            data-autofocus
            {...form.getInputProps('reference')}
          />
          <PriceInput
            label={t('partnerOps.payments.amount')}
            required
            {...form.getInputProps('amountKopecks')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('partnerOps.payments.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
