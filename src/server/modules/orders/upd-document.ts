import { formatDate } from '../../../shared/dates';
import { type DocumentData, innKpp, isVatExempt, type OrderLineRow } from './document-data';
import { formatLongDate } from './order-terms';
import { formatAmount, type PdfNode, renderPdf } from './pdf';

/** ОКЕИ code and symbol of «штука»: a license is counted per device. */
const UNIT_CODE = '796';
const UNIT_NAME = 'шт';

const grid = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

/**
 * УПД status (ФНС letter ММВ-20-3/96@ of 21.10.2013): 1 — счёт-фактура and передаточный документ, 2 — only a
 * передаточный документ. A licence exempt from VAT needs no счёт-фактура (п. 3 ст. 169 НК РФ), so status 2.
 */
export function updStatus(lines: readonly OrderLineRow[]): 1 | 2 {
  return isVatExempt(lines) ? 2 : 1;
}

/** Cost without VAT, the VAT and the cost with it, as columns 5, 8 and 9 of the УПД print them. */
function lineMoney(line: OrderLineRow) {
  const withoutVat = line.amountKopecks - line.vatKopecks;
  return {
    price: line.quantity > 0 ? Math.round(withoutVat / line.quantity) : 0,
    withoutVat,
    rate: line.vatMode === 'exempt' ? 'без НДС' : `${line.vatRatePercent ?? 0}%`,
    vat: line.vatMode === 'exempt' ? 'без НДС' : formatAmount(line.vatKopecks),
    withVat: line.amountKopecks,
  };
}

function field(label: string, value: string, code: string): PdfNode {
  return {
    columns: [
      { width: 170, text: label },
      { width: '*', text: value, bold: true },
      { width: 20, text: `(${code})`, alignment: 'right', fontSize: 6 },
    ],
    margin: [0, 0, 0, 1],
  };
}

function header(data: DocumentData, number: string, status: 1 | 2): PdfNode {
  const { order, buyer, supplier } = data;
  return {
    columns: [
      {
        width: 200,
        stack: [
          { text: 'Универсальный передаточный документ', bold: true, fontSize: 9.5 },
          { text: `Статус: ${status}`, bold: true, margin: [0, 8, 0, 2] },
          {
            text: '1 – счет-фактура и передаточный документ (акт)\n2 – передаточный документ (акт)',
            fontSize: 6,
          },
        ],
      },
      {
        width: '*',
        stack: [
          field('Счет-фактура №', `${number} от ${formatLongDate(order.orderDate)}`, '1'),
          field('Исправление №', '— от —', '1а'),
          field('Продавец:', supplier.fullName, '2'),
          field('Адрес:', supplier.address, '2а'),
          field('ИНН/КПП продавца:', `${supplier.inn}/${supplier.kpp || '—'}`, '2б'),
          field('Грузоотправитель и его адрес:', '—', '3'),
          field('Грузополучатель и его адрес:', '—', '4'),
          field('К платежно-расчетному документу №', '— от —', '5'),
          field(
            'Документ об отгрузке:',
            `№ п/п 1–${data.lines.length} № ${number} от ${formatDate(order.orderDate)}`,
            '5а',
          ),
          field('Покупатель:', buyer.fullName, '6'),
          field('Адрес:', buyer.legalAddress, '6а'),
          field('ИНН/КПП покупателя:', `${buyer.inn}/${buyer.kpp ?? '—'}`, '6б'),
          field('Валюта: наименование, код', 'Российский рубль, 643', '7'),
          field('Идентификатор государственного контракта, договора (соглашения) (при наличии):', '—', '8'),
        ],
      },
    ],
    columnGap: 10,
  };
}

const HEAD = [
  '№ п/п',
  'Наименование товара (описание выполненных работ, оказанных услуг), имущественного права',
  'Код вида товара',
  'Ед. изм.: код',
  'усл. обозн.',
  'Количество (объем)',
  'Цена (тариф) за единицу измерения',
  'Стоимость без налога — всего',
  'В том числе сумма акциза',
  'Налоговая ставка',
  'Сумма налога, предъявляемая покупателю',
  'Стоимость с налогом — всего',
  'Страна происхождения',
];
const COLUMN_CODES = ['', '1а', '1б', '2', '2а', '3', '4', '5', '6', '7', '8', '9', '10'];

function table(data: DocumentData): PdfNode {
  const right = (text: string) => ({ text, alignment: 'right' });
  const rows = data.lines.map((line) => {
    const money = lineMoney(line);
    return [
      String(line.lineNo),
      line.name,
      '—',
      UNIT_CODE,
      UNIT_NAME,
      right(String(line.quantity)),
      right(formatAmount(money.price)),
      right(formatAmount(money.withoutVat)),
      'без акциза',
      money.rate,
      right(money.vat),
      right(formatAmount(money.withVat)),
      '—',
    ];
  });
  const { order } = data;
  const exempt = isVatExempt(data.lines);
  const total = [
    { text: 'Всего к оплате (9)', bold: true, colSpan: 7 },
    {},
    {},
    {},
    {},
    {},
    {},
    { ...right(formatAmount(order.totalKopecks - order.vatKopecks)), bold: true },
    { text: 'X', alignment: 'center' },
    '',
    { ...right(exempt ? 'без НДС' : formatAmount(order.vatKopecks)), bold: true },
    { ...right(formatAmount(order.totalKopecks)), bold: true },
    '',
  ];
  return {
    table: {
      headerRows: 2,
      widths: [18, '*', 34, 28, 24, 42, 58, 62, 38, 40, 56, 62, 54],
      body: [
        HEAD.map((text) => ({ text, fontSize: 6, alignment: 'center' })),
        COLUMN_CODES.map((text) => ({ text, fontSize: 6, alignment: 'center' })),
        ...rows,
        total,
      ],
    },
    layout: grid,
    fontSize: 7,
    margin: [0, 6, 0, 6],
  };
}

function signatureRow(left: [string, string], right: [string, string]): PdfNode {
  const cell = ([role, name]: [string, string]) => ({
    width: '*',
    columns: [
      { width: 150, text: role },
      { width: 80, text: '____________' },
      { width: '*', text: name, bold: true },
    ],
  });
  return { columns: [cell(left), cell(right)], columnGap: 20, margin: [0, 0, 0, 6] };
}

/** «УПД» (the ФНС recommended form, simplified to the fields a licence sale fills in), A4 landscape. */
export function updContent(data: DocumentData, number: string): PdfNode[] {
  const { order, buyer, supplier } = data;
  const status = updStatus(data.lines);
  return [
    header(data, number, status),
    table(data),
    { text: 'Документ составлен на 1 листе', margin: [0, 0, 0, 6] },
    signatureRow(
      ['Руководитель организации или иное уполномоченное лицо', supplier.director],
      ['Главный бухгалтер или иное уполномоченное лицо', supplier.accountant],
    ),
    field('Основание передачи (сдачи) / получения (приемки)', data.contract, '8'),
    field('Данные о транспортировке и грузе', '—', '9'),
    {
      columns: [
        {
          width: '*',
          stack: [
            field('Товар (груз) передал / услуги, результаты работ, права сдал', supplier.director, '10'),
            field('Дата отгрузки, передачи (сдачи)', formatLongDate(order.orderDate), '11'),
            field('Иные сведения об отгрузке, передаче', 'Электронная передача лицензий', '12'),
            field(
              'Ответственный за правильность оформления факта хозяйственной жизни',
              supplier.director,
              '13',
            ),
            field(
              'Наименование экономического субъекта – составителя документа',
              `${supplier.shortName}, ${innKpp(supplier.inn, supplier.kpp || null)}`,
              '14',
            ),
          ],
        },
        {
          width: '*',
          stack: [
            field('Товар (груз) получил / услуги, результаты работ, права принял', '____________', '15'),
            field('Дата получения (приемки)', '«___» ____________ 20__ г.', '16'),
            field('Иные сведения о получении, приемке', '—', '17'),
            field('Ответственный за правильность оформления факта хозяйственной жизни', '____________', '18'),
            field(
              'Наименование экономического субъекта – составителя документа',
              `${buyer.shortName}, ${innKpp(buyer.inn, buyer.kpp)}`,
              '19',
            ),
          ],
        },
      ],
      columnGap: 20,
      margin: [0, 6, 0, 0],
    },
  ];
}

export function renderUpd(data: DocumentData, number: string): Promise<Buffer> {
  return renderPdf({
    title: `УПД ${number}`,
    date: data.order.orderDate,
    pageOrientation: 'landscape',
    pageMargins: [20, 20, 20, 20],
    content: updContent(data, number),
  });
}
