import { formatDate } from '../../../shared/dates';
import { amountInWords } from './amount-in-words';
import { type DocumentData, innKpp, isVatExempt } from './document-data';
import { formatLongDate } from './order-terms';
import { formatAmount, type PdfNode, renderPdf } from './pdf';

/** The exemption the licensor relies on (a license to software: пп. 26 п. 2 ст. 149 НК РФ). */
export const VAT_EXEMPT_NOTE = 'НДС не облагается на основании пп. 26 п. 2 ст. 149 НК РФ';

const thin = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function bankBlock({ supplier }: DocumentData): PdfNode {
  return {
    table: {
      widths: ['*', '*', 50, 150],
      body: [
        [
          {
            text: [supplier.bankName, '\n\n', { text: 'Банк получателя', fontSize: 7 }],
            colSpan: 2,
            rowSpan: 2,
          },
          {},
          'БИК',
          supplier.bik,
        ],
        [{}, {}, 'Корр. счёт', supplier.correspondentAccount],
        [
          `ИНН ${supplier.inn}`,
          supplier.kpp ? `КПП ${supplier.kpp}` : 'КПП',
          { text: 'Р/с', rowSpan: 2 },
          { text: supplier.settlementAccount, rowSpan: 2 },
        ],
        [{ text: [supplier.fullName, '\n\n', { text: 'Получатель', fontSize: 7 }], colSpan: 2 }, {}, {}, {}],
      ],
    },
    layout: thin,
  };
}

function partyRow(label: string, text: string): PdfNode {
  return {
    columns: [
      { width: 90, text: label },
      { width: '*', text, bold: true },
    ],
    margin: [0, 0, 0, 6],
  };
}

function vatRow(data: DocumentData): [string, string] {
  const { lines, order } = data;
  if (isVatExempt(lines)) return ['Без налога (НДС)', '—'];
  const rates = [...new Set(lines.filter((l) => l.vatMode === 'rate').map((l) => l.vatRatePercent))];
  const label = rates.length === 1 ? `В том числе НДС ${rates[0]}%` : 'В том числе НДС';
  return [`${label}:`, formatAmount(order.vatKopecks)];
}

/** «Счет на оплату» in the layout Russian accountants expect (the bank block on top, then parties and lines). */
export function invoiceContent(data: DocumentData): PdfNode[] {
  const { order, lines, buyer, supplier } = data;
  const head = ['№', 'Товары (работы, услуги)', 'Кол-во', 'Ед.', 'Цена', 'Сумма'].map((text) => ({
    text,
    bold: true,
    alignment: 'center',
  }));
  const body = lines.map((line) => [
    { text: String(line.lineNo), alignment: 'center' },
    line.name,
    { text: String(line.quantity), alignment: 'right' },
    'шт',
    { text: formatAmount(line.priceKopecks), alignment: 'right' },
    { text: formatAmount(line.amountKopecks), alignment: 'right' },
  ]);
  const totals: Array<[string, string]> = [
    ['Итого:', formatAmount(order.totalKopecks)],
    vatRow(data),
    ['Всего к оплате:', formatAmount(order.totalKopecks)],
  ];
  return [
    bankBlock(data),
    {
      text: `Счет на оплату № ${order.invoiceNumber} от ${formatLongDate(order.orderDate)}`,
      fontSize: 14,
      bold: true,
      margin: [0, 18, 0, 4],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 525, y2: 0, lineWidth: 1.5 }], margin: [0, 0, 0, 10] },
    partyRow(
      'Поставщик\n(Исполнитель):',
      `${supplier.fullName}, ${innKpp(supplier.inn, supplier.kpp || null)}, ${supplier.address}${supplier.phone ? `, тел.: ${supplier.phone}` : ''}`,
    ),
    partyRow(
      'Покупатель\n(Заказчик):',
      `${buyer.fullName}, ${innKpp(buyer.inn, buyer.kpp)}, ${buyer.legalAddress}`,
    ),
    partyRow('Основание:', data.contract),
    {
      table: { headerRows: 1, widths: [20, '*', 40, 25, 65, 70], body: [head, ...body] },
      layout: thin,
      margin: [0, 4, 0, 6],
    },
    {
      table: {
        widths: ['*', 90],
        body: totals.map(([label, value]) => [
          { text: label, bold: true, alignment: 'right' },
          { text: value, bold: true, alignment: 'right' },
        ]),
      },
      layout: 'noBorders',
    },
    {
      text: `Всего наименований ${lines.length}, на сумму ${formatAmount(order.totalKopecks)} руб.`,
      margin: [0, 8, 0, 0],
    },
    { text: amountInWords(order.totalKopecks), bold: true },
    ...(isVatExempt(lines) ? [{ text: VAT_EXEMPT_NOTE, margin: [0, 6, 0, 0] }] : []),
    {
      text: `Оплатить не позднее ${formatDate(order.dueDate)}. В назначении платежа укажите номер счёта ${order.invoiceNumber}.`,
      margin: [0, 6, 0, 0],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 525, y2: 0, lineWidth: 1.5 }], margin: [0, 8, 0, 16] },
    {
      columns: [signature('Руководитель', supplier.director), signature('Бухгалтер', supplier.accountant)],
      columnGap: 20,
    },
  ];
}

export function signature(role: string, name: string): PdfNode {
  return {
    width: '*',
    columns: [
      { width: 'auto', text: role, bold: true },
      { width: '*', text: '______________________', alignment: 'center' },
      { width: 'auto', text: name },
    ],
    columnGap: 6,
  };
}

export function renderInvoice(data: DocumentData): Promise<Buffer> {
  return renderPdf({
    title: `Счет на оплату ${data.order.invoiceNumber}`,
    date: data.order.orderDate,
    content: invoiceContent(data),
  });
}
