/**
 * Parts, labels and error messages of the serial-number codec (seed 000, «Расшифровка серийного номера»).
 * Codes are stable identifiers for programs; messages are Russian text for people and name the part and the value.
 */
import { SERIAL_TABLES, type SerialTableKey } from './tables';

/** The twelve parts of `YY-AA-BCDEFFGHHZZ-DDD-NNNN`. */
export type SerialPartName = 'year' | SerialTableKey | 'articleYear' | 'dayOfYear' | 'sequence';

/** `format` — the string as a whole; `article` — the 11-character group `BCDEFFGHHZZ`. */
export type SerialErrorPart = 'format' | 'article' | SerialPartName;

export type SerialErrorCode =
  | 'SERIAL_EMPTY'
  | 'SERIAL_BAD_FORMAT'
  | 'SERIAL_BAD_LENGTH'
  | 'SERIAL_BAD_CHARACTERS'
  | 'SERIAL_LETTER_IN_DIGITS'
  | 'SERIAL_BAD_YEAR'
  | 'SERIAL_BAD_DAY'
  | 'SERIAL_BAD_SEQUENCE'
  | 'SERIAL_UNKNOWN_PRODUCT'
  | 'SERIAL_UNKNOWN_VERSION'
  | 'SERIAL_UNKNOWN_DELIVERY_FORM'
  | 'SERIAL_UNKNOWN_SUPPORT'
  | 'SERIAL_UNKNOWN_LICENSE_TYPE'
  | 'SERIAL_UNKNOWN_AGREEMENT'
  | 'SERIAL_UNKNOWN_SUBSCRIPTION_TYPE'
  | 'SERIAL_UNKNOWN_PERIOD'
  | 'SERIAL_RETIRED_CODE'
  | 'SERIAL_DUPLICATE_CODE';

/** One problem found in a serial number or in parts to encode; `value` is the offending text, if any. */
export type SerialError = { part: SerialErrorPart; code: SerialErrorCode; message: string; value?: string };

/** Thrown by `encodeSerial` when the parts cannot make a serial; `errors` lists every problem. */
export class SerialCodecError extends Error {
  readonly code = 'SERIAL_INVALID';
  readonly errors: ReadonlyArray<SerialError>;
  constructor(errors: ReadonlyArray<SerialError>) {
    super(errors.map((e) => e.message).join('; ') || 'Некорректный серийный номер');
    this.name = 'SerialCodecError';
    this.errors = errors;
  }
}

/** Russian labels of the parts, as shown in the decoded serial. */
export const SERIAL_PART_LABELS: Readonly<Record<SerialPartName, string>> = {
  year: 'Год генерации',
  product: 'Продукт',
  version: 'Версия',
  subscriptionType: 'Тип подписки',
  agreement: 'Соглашение',
  licenseType: 'Тип лицензии',
  period: 'Период',
  deliveryForm: 'Форма поставки',
  support: 'Техподдержка',
  articleYear: 'Год добавления позиции',
  dayOfYear: 'День генерации',
  sequence: 'Порядковый номер за день',
};

/** The letters the seed uses for each part in `YY-AA-BCDEFFGHHZZ-DDD-NNNN`. */
export const SERIAL_PART_PLACEHOLDERS: Readonly<Record<SerialPartName, string>> = {
  year: 'YY',
  product: 'AA',
  version: 'B',
  subscriptionType: 'C',
  agreement: 'D',
  licenseType: 'E',
  period: 'FF',
  deliveryForm: 'G',
  support: 'HH',
  articleYear: 'ZZ',
  dayOfYear: 'DDD',
  sequence: 'NNNN',
};

const CODE_OF: Record<SerialTableKey, string> = {
  product: 'код продукта',
  version: 'код версии',
  subscriptionType: 'код типа подписки',
  agreement: 'код соглашения',
  licenseType: 'код типа лицензии',
  period: 'код периода',
  deliveryForm: 'код формы поставки',
  support: 'код техподдержки',
};

const UNKNOWN_CODE: Record<SerialTableKey, SerialErrorCode> = {
  product: 'SERIAL_UNKNOWN_PRODUCT',
  version: 'SERIAL_UNKNOWN_VERSION',
  subscriptionType: 'SERIAL_UNKNOWN_SUBSCRIPTION_TYPE',
  agreement: 'SERIAL_UNKNOWN_AGREEMENT',
  licenseType: 'SERIAL_UNKNOWN_LICENSE_TYPE',
  period: 'SERIAL_UNKNOWN_PERIOD',
  deliveryForm: 'SERIAL_UNKNOWN_DELIVERY_FORM',
  support: 'SERIAL_UNKNOWN_SUPPORT',
};

/** Quotes user text for a message: at most 40 characters, so a pasted page does not become the message. */
export function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `1 символ`, `2 символа`, `5 символов`. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? one
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? few
        : many;
  return `${n} ${word}`;
}

/** `«#» (U+0023)` for each distinct character, at most five. */
export function describeChars(chars: Iterable<string>): string {
  const distinct = [...new Set(chars)].slice(0, 5);
  return distinct
    .map((c) => `«${c}» (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
}

function partName(part: SerialPartName): string {
  return `${SERIAL_PART_LABELS[part]} (${SERIAL_PART_PLACEHOLDERS[part]})`;
}

export function unknownCodeError(key: SerialTableKey, value: unknown, hint = ''): SerialError {
  const message = `Неизвестный ${CODE_OF[key]} «${shown(value)}» (таблица ${SERIAL_TABLES[key].number})${hint}`;
  return { part: key, code: UNKNOWN_CODE[key], message, value: shown(value) };
}

export function retiredCodeError(key: SerialTableKey, code: string, name: string): SerialError {
  const what = CODE_OF[key].charAt(0).toUpperCase() + CODE_OF[key].slice(1);
  return {
    part: key,
    code: 'SERIAL_RETIRED_CODE',
    message: `${what} «${code}» («${name}», таблица ${SERIAL_TABLES[key].number}) выведен из употребления: новые серийные номера и артикулы с ним не выпускаются`,
    value: code,
  };
}

export function badCharactersError(part: SerialErrorPart, value: string, bad: Iterable<string>): SerialError {
  const whole = part === 'format' || part === 'article';
  const where = whole ? 'Серийный номер' : `${partName(part)} «${shown(value)}»`;
  const allowed = whole ? 'латинские буквы, цифры и дефисы' : 'латинские буквы и цифры';
  return {
    part,
    code: 'SERIAL_BAD_CHARACTERS',
    message: `${where}: недопустимые символы ${describeChars(bad)}. Допустимы ${allowed}`,
    value: shown(value),
  };
}

export function letterInDigitsError(part: SerialPartName, value: string): SerialError {
  const letters = [...value].filter((c) => c >= 'A' && c <= 'Z');
  const zeroHint = letters.includes('O')
    ? '. Буква O не читается как ноль: если это ноль, введите цифру 0'
    : '';
  return {
    part,
    code: 'SERIAL_LETTER_IN_DIGITS',
    message: `${partName(part)} «${value}»: на месте цифр найдена буква ${letters.map((c) => `«${c}»`).join(', ')} — здесь должны быть только цифры${zeroHint}`,
    value,
  };
}

const GROUPS: ReadonlyArray<{ part: SerialErrorPart; name: string; kind: string }> = [
  { part: 'year', name: 'Год генерации (YY)', kind: 'цифры' },
  { part: 'product', name: 'Код продукта (AA)', kind: 'символа' },
  { part: 'article', name: 'Артикул (BCDEFFGHHZZ после кода продукта)', kind: 'символов' },
  { part: 'dayOfYear', name: 'День генерации (DDD)', kind: 'цифры' },
  { part: 'sequence', name: 'Порядковый номер (NNNN)', kind: 'цифры' },
];

export function groupLengthError(group: number, expected: number, value: string): SerialError {
  const g = GROUPS[group] ?? { part: 'format', name: 'Группа', kind: 'символов' };
  return {
    part: g.part,
    code: 'SERIAL_BAD_LENGTH',
    message: `${g.name} должен содержать ${expected} ${g.kind}, а содержит ${plural(value.length, 'символ', 'символа', 'символов')}: «${shown(value)}»`,
    value: shown(value),
  };
}

/** Day-of-year problems; `year` is omitted when the year itself could not be read. */
export function dayError(day: unknown, year?: number): SerialError {
  const reason =
    typeof day !== 'number' || !Number.isInteger(day)
      ? 'ожидается целое число от 1 до 366'
      : day < 1
        ? 'дни года нумеруются с 001'
        : day > 366
          ? 'в году не более 366 дней'
          : `${year} — невисокосный год`;
  return {
    part: 'dayOfYear',
    code: 'SERIAL_BAD_DAY',
    message: `День ${shown(day)} невозможен: ${reason}`,
    value: shown(day),
  };
}
