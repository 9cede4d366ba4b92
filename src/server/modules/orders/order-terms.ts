import type { VatMode } from '../../../shared/api/devices';
import type { PaymentMode } from '../../../shared/api/offers';
import { paymentTermsLabel } from '../../../shared/api/offers';
import { PREPAYMENT_DUE_DAYS } from '../../../shared/api/orders';
import { addCalendarDays, formatDate } from '../../../shared/dates';

/**
 * VAT included in an amount (НК РФ ст. 164 п. 4: the «расчётная ставка» r/(100+r)), rounded half up to the
 * kopeck; 0 when the line is exempt (пп. 26 п. 2 ст. 149 НК РФ). Integer arithmetic only: amounts are kopecks.
 */
export function vatIncluded(amountKopecks: number, vatMode: VatMode, ratePercent: number | null): number {
  if (vatMode === 'exempt' || !ratePercent) return 0;
  const numerator = BigInt(amountKopecks) * BigInt(ratePercent);
  const denominator = BigInt(100 + ratePercent);
  // Half up: floor((2n + d) / 2d).
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** `Без НДС` / `НДС 20%` for an order line. */
export function lineVatLabel(vatMode: VatMode, ratePercent: number | null): string {
  return vatMode === 'exempt' ? 'Без НДС' : `НДС ${ratePercent ?? 0}%`;
}

export type ItemForLine = {
  licenseTypeId: string;
  licenseTypeName: string;
  priceKopecks: number;
  vatMode: VatMode;
  vatRatePercent: number | null;
};

export type OrderLineDraft = {
  lineNo: number;
  licenseTypeId: string;
  name: string;
  priceKopecks: number;
  quantity: number;
  amountKopecks: number;
  vatMode: VatMode;
  vatRatePercent: number | null;
  vatKopecks: number;
};

/**
 * «Содержание заказа»: one line per license type and price (seed 002, 2.7), in the order the items came,
 * VAT computed per line on the line's amount (as the invoice prints it).
 */
export function groupOrderLines(items: readonly ItemForLine[]): OrderLineDraft[] {
  const lines = new Map<string, OrderLineDraft>();
  for (const item of items) {
    const key = `${item.licenseTypeId}|${item.priceKopecks}|${item.vatMode}|${item.vatRatePercent ?? ''}`;
    const line = lines.get(key);
    if (line) line.quantity += 1;
    else
      lines.set(key, {
        lineNo: lines.size + 1,
        licenseTypeId: item.licenseTypeId,
        name: item.licenseTypeName,
        priceKopecks: item.priceKopecks,
        quantity: 1,
        amountKopecks: 0,
        vatMode: item.vatMode,
        vatRatePercent: item.vatMode === 'exempt' ? null : item.vatRatePercent,
        vatKopecks: 0,
      });
  }
  return [...lines.values()].map((line) => {
    const amountKopecks = line.priceKopecks * line.quantity;
    return {
      ...line,
      amountKopecks,
      vatKopecks: vatIncluded(amountKopecks, line.vatMode, line.vatRatePercent),
    };
  });
}

/**
 * The last day to pay: «Предоплата 100%» gives PREPAYMENT_DUE_DAYS (the licenses are already activated),
 * «Постоплата N дней» gives N calendar days after the order date.
 */
export function dueDateFor(orderDate: string, mode: PaymentMode, postpaymentDays: number | null): string {
  return addCalendarDays(orderDate, mode === 'postpayment' ? (postpaymentDays ?? 0) : PREPAYMENT_DUE_DAYS);
}

/** `ПГ-` + 118 → `ПГ-118`: the licensor's prefix and the gap-free number of the year. */
export function formatInvoiceNumber(prefix: string, seq: number): string {
  return `${prefix}${seq}`;
}

/** «Договор»: `Сублицензионный договор (Предоплата 100%) от 15.12.2025` (seed 002, 2.7). */
export function contractLabel(order: {
  paymentMode: PaymentMode;
  postpaymentDays: number | null;
  contractDate: string;
}): string {
  const terms = paymentTermsLabel(order.paymentMode, order.postpaymentDays);
  return `Сублицензионный договор (${terms}) от ${formatDate(order.contractDate)}`;
}

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** `2026-03-17` → `17 марта 2026 г.`, as invoices are dated. */
export function formatLongDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS_GENITIVE[(m ?? 1) - 1]} ${y} г.`;
}
