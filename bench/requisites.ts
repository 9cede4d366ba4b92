import { checkInn, checkOgrn, checkSettlementAccount, validateRequisites } from '../src/shared/requisites';

/** One real bank for every generated organization: ПАО Сбербанк (its corr. account matches the BIK). */
export const BENCH_BANK = {
  bankName: 'ПАО Сбербанк',
  bik: '044525225',
  corrAccount: '30101810400000000225',
} as const;

/**
 * A region code no demo or hand-made organization uses, so generated INNs (`98` + sequence) never collide
 * with real-looking ones and reruns can find where the previous run stopped.
 */
export const BENCH_REGION = '98';

/** The largest sequence number that fits the 7 digits reserved for it in the INN, OGRN and account. */
export const MAX_SEQUENCE = 9_999_999;

export type GeneratedRequisites = {
  inn: string;
  kpp: string;
  ogrn: string;
  bankName: string;
  bik: string;
  corrAccount: string;
  settlementAccount: string;
};

/**
 * Fills the one digit at `position` that makes `accept` pass. The control digits are computed by the same
 * check functions the server validates with, so the generator cannot drift from the real rules.
 */
function solveDigit(template: string, position: number, accept: (candidate: string) => boolean): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${template.slice(0, position)}${digit}${template.slice(position + 1)}`;
    if (accept(candidate)) return candidate;
  }
  throw new Error(`no control digit makes ${template} valid`);
}

/** Valid requisites of a legal entity, unique per sequence number (0..MAX_SEQUENCE). */
export function requisitesFor(sequence: number): GeneratedRequisites {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`sequence ${sequence} is outside 0..${MAX_SEQUENCE}`);
  }
  const seq = String(sequence).padStart(7, '0');
  // ИНН: region (2) + sequence (7) + control digit.
  const inn = solveDigit(`${BENCH_REGION}${seq}0`, 9, (v) => checkInn(v, 'legal').ok);
  // ОГРН: sign 1, year 15, region, sequence, control digit — 13 digits.
  const ogrn = solveDigit(`115${BENCH_REGION}${seq}0`, 12, (v) => checkOgrn(v).ok);
  // Расчётный счёт: 40702 (ООО), 810 (рубли), control key at the 9th digit, branch 0000, sequence.
  const settlementAccount = solveDigit(
    `4070281000000${seq}`,
    8,
    (v) => checkSettlementAccount(v, BENCH_BANK.bik).ok,
  );
  const result = { inn, kpp: `${BENCH_REGION}0101001`, ogrn, ...BENCH_BANK, settlementAccount };
  const issues = validateRequisites({ kind: 'legal', ...result });
  if (issues.length > 0) throw new Error(`generated requisites are invalid: ${JSON.stringify(issues)}`);
  return result;
}
