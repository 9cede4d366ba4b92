/**
 * The 8 code tables of the serial number `YY-AA-BCDEFFGHHZZ-DDD-NNNN`, exactly as in seed 000,
 * «Приложение 1 – Перечень обозначений серийного номера» (ARCHITECTURE.md, "Serial numbers").
 *
 * This is the seed copy. The operator can extend the tables: the server keeps editable copies in the database
 * and passes them to every codec function as {@link SerialCodeTables}; these seed tables are the default.
 * Codes are Latin capital letters and digits; names keep the seed's spelling (Cyrillic «ОЕМ», «ОЛП», «ОС»).
 */

/** Table keys; each is also the name of the serial part it decodes. */
export type SerialTableKey =
  | 'product'
  | 'version'
  | 'deliveryForm'
  | 'support'
  | 'licenseType'
  | 'agreement'
  | 'subscriptionType'
  | 'period';

/**
 * One code. A `retired` code still decodes (serials already issued stay valid) but is refused for new
 * serials and articles.
 */
export type SerialCodeEntry = { code: string; name: string; retired?: boolean };

/** What the codec needs: the entries of each table (the seed ones or the operator's copies). */
export type SerialCodeTables = Record<SerialTableKey, ReadonlyArray<SerialCodeEntry>>;

export type SerialTable = {
  /** Number of the table in «Приложение 1». */
  number: number;
  title: string;
  /** Characters the code takes in the serial; fixed by the format, not editable. */
  width: 1 | 2;
  entries: ReadonlyArray<SerialCodeEntry>;
};

/** Keys in the order of «Приложение 1» (table 1 … table 8). */
export const SERIAL_TABLE_KEYS: ReadonlyArray<SerialTableKey> = [
  'product',
  'version',
  'deliveryForm',
  'support',
  'licenseType',
  'agreement',
  'subscriptionType',
  'period',
];

/** Seed 000, «Приложение 1», tables 1–8, verbatim. */
export const SERIAL_TABLES: Readonly<Record<SerialTableKey, SerialTable>> = {
  product: {
    number: 1,
    title: 'Таблица 1 – Расшифровка продуктов',
    width: 2,
    entries: [
      { code: 'AD', name: 'ОС' },
      { code: 'AC', name: 'Центр' },
      { code: 'AS', name: 'Сервер' },
      { code: 'IP', name: 'Установочный комплект' },
      { code: 'AO', name: 'AlterOffice' },
      { code: 'CO', name: 'Облачный офис' },
      { code: 'AH', name: 'Облачный хостинг' },
      { code: 'SO', name: 'Офис+хостинг' },
      { code: 'SP', name: 'Тех.поддержка' },
      { code: 'LS', name: 'Подписка Alter+' },
      { code: 'TV', name: 'TeamVision' },
      { code: 'TC', name: 'TeamVision Cal' },
    ],
  },
  version: {
    number: 2,
    title: 'Таблица 2 – Расшифровка версий',
    width: 1,
    entries: [
      { code: '1', name: 'Стандартная' },
      { code: '2', name: 'Бизнес' },
      { code: '3', name: 'Оптимальный' },
      { code: '4', name: 'Максимальная' },
      { code: '7', name: 'Профессиональный' },
      { code: '8', name: 'Профессиональный плюс' },
      { code: 'F', name: 'Сертифицированная ФСТЭК' },
      { code: 'S', name: 'Специальная сборка' },
    ],
  },
  deliveryForm: {
    number: 3,
    title: 'Таблица 3 – Расшифровка форм поставок',
    width: 1,
    entries: [
      { code: '3', name: 'ОЕМ' },
      { code: '1', name: 'ESD' },
      { code: '2', name: 'ОЛП' },
      { code: '4', name: 'OV' },
      { code: '5', name: 'Услуга' },
    ],
  },
  support: {
    number: 4,
    title: 'Таблица 4 – Расшифровка вариантов обеспечения технической поддержки',
    width: 2,
    entries: [
      { code: '30', name: 'Базовая' },
      { code: '31', name: 'Расширенная' },
      { code: '32', name: 'Максимальная' },
      { code: '40', name: 'Базовая 2 года' },
      { code: '41', name: 'Расширенная 2 года' },
      { code: '42', name: 'Максимальная 2 года' },
      { code: '50', name: 'Базовая 3 года' },
      { code: '51', name: 'Расширенная 3 года' },
      { code: '52', name: 'Максимальная 3 года' },
      { code: '60', name: 'Базовая 4 года' },
      { code: '61', name: 'Расширенная 4 года' },
      { code: '62', name: 'Максимальная 4 года' },
      { code: '70', name: 'Базовая 5 лет' },
      { code: '71', name: 'Расширенная 5 лет' },
      { code: '72', name: 'Максимальная 5 лет' },
      { code: '00', name: 'Отсутствует (без ТП)' },
    ],
  },
  licenseType: {
    number: 5,
    title: 'Таблица 5 – Тип лицензии',
    width: 1,
    entries: [
      { code: '1', name: 'Государственная' },
      { code: '2', name: 'Коммерческая' },
      { code: '3', name: 'Образовательная' },
    ],
  },
  agreement: {
    number: 6,
    title: 'Таблица 6 – Расшифровка вида соглашений',
    width: 1,
    entries: [
      { code: '1', name: 'Соглашение с переходящими лицензиями в собственность' },
      { code: '2', name: 'Соглашение с переходящими лицензиями в собственность + Alter+' },
      { code: '3', name: 'Соглашение аренды лицензий' },
      { code: '5', name: 'Подписка' },
      { code: '6', name: 'Бессрочная лицензия' },
      { code: '8', name: 'Договор ТП' },
      { code: '9', name: 'Договор продления ТП' },
    ],
  },
  subscriptionType: {
    number: 7,
    title: 'Таблица 7 - Расшифровка типов подписок',
    width: 1,
    entries: [
      { code: '1', name: 'Стандартный' },
      { code: '4', name: 'Бизнес премиум' },
      { code: '5', name: 'Бизнес' },
      { code: '9', name: 'Не подписка' },
      { code: '2', name: 'Оптимальная' },
      { code: '3', name: 'Максимальная' },
      { code: '6', name: 'Облачный офис' },
      { code: '7', name: 'Облачный хостинг' },
      { code: '8', name: 'Alter+' },
      { code: 'U', name: 'Обновление версии' },
    ],
  },
  period: {
    number: 8,
    title: 'Таблица 8 – Расшифровка периода',
    width: 2,
    entries: [
      { code: '12', name: 'Год' },
      { code: '01', name: 'Месяц' },
      { code: '04', name: 'Квартал' },
      { code: '24', name: '2 года' },
      { code: '36', name: '3 года' },
      { code: '99', name: 'Бессрочная' },
    ],
  },
};

/** The seed tables in the shape every codec function takes; the default when no tables are passed. */
export const SEED_CODE_TABLES: SerialCodeTables = {
  product: SERIAL_TABLES.product.entries,
  version: SERIAL_TABLES.version.entries,
  deliveryForm: SERIAL_TABLES.deliveryForm.entries,
  support: SERIAL_TABLES.support.entries,
  licenseType: SERIAL_TABLES.licenseType.entries,
  agreement: SERIAL_TABLES.agreement.entries,
  subscriptionType: SERIAL_TABLES.subscriptionType.entries,
  period: SERIAL_TABLES.period.entries,
};
