/**
 * Russian legal-entity requisites (ИНН, КПП, ОГРН/ОГРНИП, БИК, корреспондентский и расчётный счета) with the
 * real control-digit algorithms. Shared by the server and the web, so plain TypeScript only. Every check
 * trims its input and returns a reason in Russian instead of throwing.
 */

export type RequisiteCheck = { ok: true } | { ok: false; reason: string };
export type RequisiteIssue = { field: string; message: string };
type Kind = 'legal' | 'individual';

const OK: RequisiteCheck = { ok: true };
const fail = (reason: string): RequisiteCheck => ({ ok: false, reason });

/** A field's name as the subject of a sentence and as the object of «Укажите …». */
type Label = { subject: string; object: string };
const INN: Label = { subject: 'ИНН', object: 'ИНН' };
const OGRN: Label = { subject: 'ОГРН', object: 'ОГРН' };
const OGRNIP: Label = { subject: 'ОГРНИП', object: 'ОГРНИП' };
const BIK: Label = { subject: 'БИК', object: 'БИК' };
const CORR: Label = { subject: 'Корреспондентский счёт', object: 'корреспондентский счёт' };
const SETTLEMENT: Label = { subject: 'Расчётный счёт', object: 'расчётный счёт' };

type Parsed = { ok: true; value: string; digits: number[] } | { ok: false; reason: string };

/** Trims and checks «only ASCII digits, one of these lengths»; the digits come back as numbers. */
function parseDigits(raw: string, label: Label, lengths: readonly number[], lengthReason: string): Parsed {
  const value = raw.trim();
  if (value === '') return { ok: false, reason: `Укажите ${label.object}` };
  if (!/^[0-9]+$/.test(value)) return { ok: false, reason: `${label.subject} должен содержать только цифры` };
  if (!lengths.includes(value.length)) return { ok: false, reason: lengthReason };
  return { ok: true, value, digits: Array.from(value, (c) => c.charCodeAt(0) - 48) };
}

/** Σ digit[i]·weight[i] over the weights' length. */
function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);
}

/** The number written by `digits`, modulo `m`, without building a (possibly unsafe) integer. */
function modulo(digits: readonly number[], m: number): number {
  return digits.reduce((rest, digit) => (rest * 10 + digit) % m, 0);
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const innControl = (digits: readonly number[], weights: readonly number[]) =>
  (weightedSum(digits, weights) % 11) % 10;

/**
 * ИНН (Порядок присвоения ИНН, приказ ФНС России от 29.06.2012 № ММВ-7-6/435@): 10 цифр у организации,
 * 12 — у ИП и физического лица. Контрольные цифры ФНС: Σ цифра·вес mod 11 mod 10; для 10 цифр веса
 * 2,4,10,3,5,9,4,6,8; для 12 цифр 11-я — веса 7,2,4,10,3,5,9,4,6,8, 12-я — веса 3,7,2,4,10,3,5,9,4,6,8.
 * Without `kind` both lengths are accepted.
 */
export function checkInn(value: string, kind?: Kind): RequisiteCheck {
  const lengths = kind === 'legal' ? [10] : kind === 'individual' ? [12] : [10, 12];
  const lengthReason =
    kind === 'legal'
      ? 'ИНН должен содержать 10 цифр'
      : kind === 'individual'
        ? 'ИНН должен содержать 12 цифр'
        : 'ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП, физическое лицо)';
  const parsed = parseDigits(value, INN, lengths, lengthReason);
  if (!parsed.ok) return parsed;
  const d = parsed.digits;
  const valid =
    d.length === 10
      ? innControl(d, INN10_WEIGHTS) === d[9]
      : innControl(d, INN11_WEIGHTS) === d[10] && innControl(d, INN12_WEIGHTS) === d[11];
  return valid ? OK : fail('Неверное контрольное число ИНН');
}

/**
 * КПП (тот же приказ ФНС № ММВ-7-6/435@): NNNN — код налогового органа, PP — причина постановки на учёт
 * (цифры или заглавные латинские буквы A–Z), XXX — порядковый номер.
 */
export function checkKpp(value: string): RequisiteCheck {
  const kpp = value.trim();
  if (kpp === '') return fail('Укажите КПП');
  return /^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$/.test(kpp)
    ? OK
    : fail('КПП должен состоять из 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры');
}

/**
 * ОГРН (Правила ведения ЕГРЮЛ, постановление Правительства РФ от 19.06.2002 № 438): 13 цифр, последняя —
 * младший разряд остатка от деления числа из первых 12 цифр на 11.
 */
export function checkOgrn(value: string): RequisiteCheck {
  const parsed = parseDigits(value, OGRN, [13], 'ОГРН должен содержать 13 цифр');
  if (!parsed.ok) return parsed;
  const d = parsed.digits;
  return modulo(d.slice(0, 12), 11) % 10 === d[12] ? OK : fail('Неверное контрольное число ОГРН');
}

/**
 * ОГРНИП (Правила ведения ЕГРИП, постановление Правительства РФ от 16.10.2003 № 630): 15 цифр, последняя —
 * младший разряд остатка от деления числа из первых 14 цифр на 13.
 */
export function checkOgrnip(value: string): RequisiteCheck {
  const parsed = parseDigits(value, OGRNIP, [15], 'ОГРНИП должен содержать 15 цифр');
  if (!parsed.ok) return parsed;
  const d = parsed.digits;
  return modulo(d.slice(0, 14), 13) % 10 === d[14] ? OK : fail('Неверное контрольное число ОГРНИП');
}

const BIK_REASON = 'БИК должен содержать 9 цифр и начинаться с 04';

/** БИК (справочник БИК Банка России): 9 цифр, первые две — код страны, 04 — Российская Федерация. */
export function checkBik(value: string): RequisiteCheck {
  const parsed = parseDigits(value, BIK, [9], BIK_REASON);
  if (!parsed.ok) return parsed;
  return parsed.value.startsWith('04') ? OK : fail(BIK_REASON);
}

const ACCOUNT_WEIGHTS = [7, 1, 3];

/**
 * Контрольный ключ номера счёта (Порядок расчёта контрольного ключа в номере лицевого счёта, Положение
 * Банка России № 579-П): к 20 цифрам счёта слева приписывают 3 цифры из БИК, цифры умножают на веса
 * 7,1,3,7,1,3,…; младший разряд суммы произведений должен быть 0.
 */
function accountKeyMatches(prefix: string, account: readonly number[]): boolean {
  const digits = [...Array.from(prefix, (c) => c.charCodeAt(0) - 48), ...account];
  const sum = digits.reduce((acc, digit, i) => acc + digit * (ACCOUNT_WEIGHTS[i % 3] ?? 0), 0);
  return sum % 10 === 0;
}

/** Format only: 20 digits starting with 30101 (счёт 30101 «Корреспондентские счета кредитных организаций»). */
function parseCorrAccount(account: string): Parsed {
  const parsed = parseDigits(account, CORR, [20], 'Корреспондентский счёт должен содержать 20 цифр');
  if (parsed.ok && !parsed.value.startsWith('30101')) {
    return { ok: false, reason: 'Корреспондентский счёт должен начинаться с 30101' };
  }
  return parsed;
}

const parseSettlementAccount = (account: string): Parsed =>
  parseDigits(account, SETTLEMENT, [20], 'Расчётный счёт должен содержать 20 цифр');

/**
 * Корреспондентский счёт банка: 20 цифр, начинается с 30101, оканчивается тремя последними цифрами БИК;
 * контрольный ключ считается с префиксом «0» + 5-я и 6-я цифры БИК (Положение Банка России № 579-П).
 */
export function checkCorrAccount(account: string, bik: string): RequisiteCheck {
  const parsed = parseCorrAccount(account);
  if (!parsed.ok) return parsed;
  const bikCheck = checkBik(bik);
  if (!bikCheck.ok) return fail('Корреспондентский счёт не проверить: неверный БИК');
  const b = bik.trim();
  if (!parsed.value.endsWith(b.slice(-3))) {
    return fail('Корреспондентский счёт должен оканчиваться тремя последними цифрами БИК');
  }
  return accountKeyMatches(`0${b.slice(4, 6)}`, parsed.digits)
    ? OK
    : fail('Контрольный ключ корреспондентского счёта не сходится с БИК');
}

/**
 * Расчётный счёт: 20 цифр; контрольный ключ считается с префиксом из трёх последних цифр БИК
 * (Положение Банка России № 579-П).
 */
export function checkSettlementAccount(account: string, bik: string): RequisiteCheck {
  const parsed = parseSettlementAccount(account);
  if (!parsed.ok) return parsed;
  if (!checkBik(bik).ok) return fail('Расчётный счёт не проверить: неверный БИК');
  return accountKeyMatches(bik.trim().slice(-3), parsed.digits)
    ? OK
    : fail('Контрольный ключ расчётного счёта не сходится с БИК');
}

/** Without a kind, 15 digits read as ОГРНИП and anything else as ОГРН. */
function checkOgrnOrOgrnip(value: string): RequisiteCheck {
  const trimmed = value.trim();
  if (trimmed.length === 15) return checkOgrnip(trimmed);
  const check = checkOgrn(trimmed);
  return !check.ok && check.reason === 'ОГРН должен содержать 13 цифр'
    ? fail('ОГРН должен содержать 13 цифр (ОГРНИП — 15 цифр)')
    : check;
}

/**
 * Checks whichever of these fields are present (undefined = skip); cross-field rules: kind 'legal' needs
 * 10-digit INN, KPP required, OGRN 13 digits; kind 'individual' needs 12-digit INN, no KPP (null/empty ok,
 * a value is an error), OGRNIP 15 digits in field `ogrn`; accounts are checked against `bik` only when bik
 * itself is valid (otherwise only their format is checked). A `kpp` of `undefined` is skipped even for
 * 'legal'; `null` or an empty string there means «not filled in».
 */
export function validateRequisites(input: {
  kind?: Kind;
  inn?: string;
  kpp?: string | null;
  ogrn?: string;
  bik?: string;
  corrAccount?: string;
  settlementAccount?: string;
}): RequisiteIssue[] {
  const issues: RequisiteIssue[] = [];
  const add = (field: string, check: RequisiteCheck | Parsed) => {
    if (!check.ok) issues.push({ field, message: check.reason });
  };
  const { kind, inn, kpp, ogrn, bik, corrAccount, settlementAccount } = input;

  if (inn !== undefined) add('inn', checkInn(inn, kind));

  if (kpp !== undefined) {
    const filled = (kpp ?? '').trim() !== '';
    if (kind === 'individual') {
      if (filled) add('kpp', fail('У индивидуального предпринимателя нет КПП — оставьте поле пустым'));
    } else if (kind === 'legal' || filled) {
      add('kpp', checkKpp(kpp ?? ''));
    }
  }

  if (ogrn !== undefined) {
    add(
      'ogrn',
      kind === 'legal'
        ? checkOgrn(ogrn)
        : kind === 'individual'
          ? checkOgrnip(ogrn)
          : checkOgrnOrOgrnip(ogrn),
    );
  }

  const bikValid = bik !== undefined && checkBik(bik).ok;
  if (bik !== undefined) add('bik', checkBik(bik));
  if (corrAccount !== undefined) {
    add('corrAccount', bikValid ? checkCorrAccount(corrAccount, bik) : parseCorrAccount(corrAccount));
  }
  if (settlementAccount !== undefined) {
    add(
      'settlementAccount',
      bikValid ? checkSettlementAccount(settlementAccount, bik) : parseSettlementAccount(settlementAccount),
    );
  }
  return issues;
}
