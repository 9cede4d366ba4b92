import { formatMoney } from '../../../../shared/money';
import { type RenderedEmail, renderEmail } from './layout';

/** What every order mail names: the invoice, its organization, the amount and the dates. */
export type OrderMailFacts = {
  orderNumber: number;
  invoiceNumber: string;
  /** `17.03.2026`. */
  orderDate: string;
  /** `20.03.2026`. */
  dueDate: string;
  organizationName: string;
  totalKopecks: number;
  orderUrl: string;
};

const GREETING = 'Здравствуйте!';

function facts(order: OrderMailFacts): Array<[string, string]> {
  return [
    ['Организация', order.organizationName],
    ['Заказ', `№ ${order.orderNumber} от ${order.orderDate}`],
    ['Счёт', `№ ${order.invoiceNumber} от ${order.orderDate}`],
    ['Сумма', formatMoney(order.totalKopecks)],
    ['Оплатить до', order.dueDate],
  ];
}

/**
 * The invoice once the documents are made (seed 002, section 1: «Счет на оплату … формируется на основании
 * Заказа в течение 24 часов»), with the PDF attached.
 */
export function orderInvoiceEmail(order: OrderMailFacts): RenderedEmail {
  return renderEmail({
    template: 'order-invoice',
    subject: `Счет на оплату № ${order.invoiceNumber}`,
    greeting: GREETING,
    blocks: [
      {
        kind: 'paragraph',
        text: `По активации лицензий создан заказ № ${order.orderNumber}. Счёт на оплату лицензионного вознаграждения — во вложении; счёт и УПД также доступны в личном кабинете в разделе «Заказы».`,
      },
      { kind: 'fields', rows: facts(order) },
      { kind: 'button', text: 'Открыть заказ', url: order.orderUrl },
    ],
  });
}

/** Staff recorded the payment in full. */
export function orderPaidEmail(order: OrderMailFacts & { paidOn: string }): RenderedEmail {
  return renderEmail({
    template: 'order-paid',
    subject: `Оплата по счёту ${order.invoiceNumber} получена`,
    greeting: GREETING,
    blocks: [
      {
        kind: 'paragraph',
        text: `Оплата по счёту № ${order.invoiceNumber} от ${order.orderDate} получена ${order.paidOn}. Спасибо!`,
      },
      {
        kind: 'fields',
        rows: [
          ['Организация', order.organizationName],
          ['Заказ', `№ ${order.orderNumber}`],
          ['Сумма', formatMoney(order.totalKopecks)],
        ],
      },
      { kind: 'button', text: 'Открыть заказ', url: order.orderUrl },
    ],
  });
}

/**
 * The daily reminder of an unpaid invoice past its due date; it says that activation stays closed for all
 * organizations of the account until the invoice is paid (seed 002, section 1).
 */
export function orderOverdueEmail(order: OrderMailFacts): RenderedEmail {
  return renderEmail({
    template: 'order-overdue',
    subject: `Просрочена оплата счёта ${order.invoiceNumber}`,
    greeting: GREETING,
    blocks: [
      {
        kind: 'paragraph',
        text: `Срок оплаты счёта № ${order.invoiceNumber} от ${order.orderDate} истёк ${order.dueDate}. Пока счёт не оплачен, активация лицензий приостановлена для всех организаций вашей учётной записи. После оплаты активация откроется автоматически.`,
      },
      { kind: 'fields', rows: facts(order) },
      { kind: 'button', text: 'Открыть заказ', url: order.orderUrl },
    ],
  });
}
