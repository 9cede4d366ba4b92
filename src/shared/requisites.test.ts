import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBik,
  checkCorrAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnip,
  checkSettlementAccount,
  validateRequisites,
} from './requisites';

// Independent reference computations, kept apart from the implementation on purpose.
const SBER = { inn: '7707083893', kpp: '773601001', ogrn: '1027700132195', bik: '044525225' };
const SBER_CORR = '30101810400000000225';
const SEED_OGRNS = ['1067746394792', '1137746317830', '1187746057322'];
const OGRNIP_EXAMPLE = '304500116000157'; // the widely published sample ОГРНИП

const dot = (s: string, w: number[]) => w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0);
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const bigMod = (s: string, m: number) => Number(BigInt(s) % BigInt(m));
const inn10 = (p: string) => p + ((dot(p, W10) % 11) % 10);
const inn12 = (p: string) => {
  const with11 = p + ((dot(p, W11) % 11) % 10);
  return with11 + ((dot(with11, W12) % 11) % 10);
};
const ogrn = (p: string) => p + (bigMod(p, 11) % 10);
const ogrnip = (p: string) => p + (bigMod(p, 13) % 10);
const keySum = (s: string) => [...s].reduce((acc, d, i) => acc + Number(d) * ([7, 1, 3][i % 3] ?? 0), 0);
/** Puts the one control digit (0–9) at index 8 that makes `prefix + account` pass the ЦБ key. */
const withKey = (prefix: string, account19: string) => {
  for (let k = 0; k <= 9; k++) {
    const account = `${account19.slice(0, 8)}${k}${account19.slice(8)}`;
    if (keySum(prefix + account) % 10 === 0) return account;
  }
  throw new Error('no key digit');
};
const SBER_SETTLEMENT = withKey('225', '4070281003800000000');

const digitString = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const bikArb = digitString(7).map((d) => `04${d}`);
/** A different digit at `pos`. */
const mutate = (s: string, pos: number, shift: number) =>
  s.slice(0, pos) + ((Number(s[pos]) + shift) % 10) + s.slice(pos + 1);
const mutationArb = (len: number) => fc.tuple(fc.nat(len - 1), fc.integer({ min: 1, max: 9 }));
/** mod m mod 10 lets a change through exactly when the residue changes to one with the same last digit. */
const collides = (a: number, b: number) => a !== b && a % 10 === b % 10;

describe('real public values', () => {
  it('accepts Sberbank and seed requisites', () => {
    for (const inn of [SBER.inn, '6147040892', '222600401077']) expect(checkInn(inn)).toEqual({ ok: true });
    expect(checkInn('6147040892', 'legal').ok).toBe(true);
    expect(checkInn('222600401077', 'individual').ok).toBe(true);
    for (const o of [SBER.ogrn, ...SEED_OGRNS]) expect(checkOgrn(o).ok).toBe(true);
    expect(checkOgrnip(OGRNIP_EXAMPLE).ok).toBe(true);
    expect(checkKpp(SBER.kpp).ok).toBe(true);
    expect(checkBik(SBER.bik).ok).toBe(true);
    expect(checkCorrAccount(SBER_CORR, SBER.bik).ok).toBe(true);
    expect(checkSettlementAccount(SBER_SETTLEMENT, SBER.bik).ok).toBe(true);
    const all = { ...SBER, corrAccount: SBER_CORR, settlementAccount: SBER_SETTLEMENT };
    expect(validateRequisites({ kind: 'legal', ...all })).toEqual([]);
    // Input is trimmed.
    expect(checkInn(` ${SBER.inn}\t`).ok).toBe(true);
    expect(checkCorrAccount(` ${SBER_CORR} `, ` ${SBER.bik} `).ok).toBe(true);
    expect(checkSettlementAccount(`${SBER_SETTLEMENT}\n`, ` ${SBER.bik}`).ok).toBe(true);
  });
});

describe('messages', () => {
  it.each([
    [checkInn('770708389', 'legal'), 'ИНН должен содержать 10 цифр'],
    [checkInn(SBER.inn, 'individual'), 'ИНН должен содержать 12 цифр'],
    [checkInn('7707083894'), 'Неверное контрольное число ИНН'],
    [checkInn('222600401078'), 'Неверное контрольное число ИНН'],
    [checkInn(''), 'Укажите ИНН'],
    [checkInn('77070838Э3'), 'ИНН должен содержать только цифры'],
    [checkOgrn('102770013219'), 'ОГРН должен содержать 13 цифр'],
    [checkOgrn('1027700132196'), 'Неверное контрольное число ОГРН'],
    [checkOgrnip('304500116000158'), 'Неверное контрольное число ОГРНИП'],
    [checkOgrnip(SBER.ogrn), 'ОГРНИП должен содержать 15 цифр'],
    [
      checkKpp('7736o1001'),
      'КПП должен состоять из 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    ],
    [checkBik('054525225'), 'БИК должен содержать 9 цифр и начинаться с 04'],
    [checkBik('04452522'), 'БИК должен содержать 9 цифр и начинаться с 04'],
    [checkCorrAccount('40101810400000000225', SBER.bik), 'Корреспондентский счёт должен начинаться с 30101'],
    [
      checkCorrAccount('30101810500000000225', SBER.bik),
      'Контрольный ключ корреспондентского счёта не сходится с БИК',
    ],
    [
      checkSettlementAccount(SBER_SETTLEMENT, '044525226'),
      'Контрольный ключ расчётного счёта не сходится с БИК',
    ],
    [checkSettlementAccount('4070281', SBER.bik), 'Расчётный счёт должен содержать 20 цифр'],
    [checkSettlementAccount(SBER_SETTLEMENT, '12345'), 'Расчётный счёт не проверить: неверный БИК'],
  ])('%# → %s', (check, expected) => {
    expect(check.ok ? null : check.reason).toBe(expected);
  });

  it('accepts letters only in KPP positions 5–6', () => {
    expect(checkKpp('7736AB001').ok).toBe(true);
    expect(checkKpp('7736ab001').ok).toBe(false);
    expect(checkKpp('A73601001').ok).toBe(false);
  });
});

describe('garbage input is an error, never an exception', () => {
  const garbage = ['', '   ', 'abcdefghij', '7707 083893', '７７０７', '-770708389', '7707083893.0'];
  it.each([...garbage, '1'.repeat(10_000)])('%#', (value) => {
    for (const check of [checkInn, checkKpp, checkOgrn, checkOgrnip, checkBik])
      expect(check(value).ok).toBe(false);
    expect(checkCorrAccount(value, SBER.bik).ok).toBe(false);
    expect(checkSettlementAccount(value, SBER.bik).ok).toBe(false);
  });

  it('holds for arbitrary strings', () => {
    const fields = ['inn', 'kpp', 'ogrn', 'bik', 'corrAccount', 'settlementAccount'];
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), digitString(20), digitString(12));
    fc.assert(
      fc.property(text, fc.oneof(bikArb, fc.string()), (value, bik) => {
        const checks = [checkInn, checkKpp, checkOgrn, checkOgrnip, checkBik].map((check) => check(value));
        checks.push(checkCorrAccount(value, bik), checkSettlementAccount(value, bik));
        const input = Object.fromEntries(fields.map((f) => [f, value]));
        const issues = validateRequisites({ ...input, bik });
        return (
          checks.every((c) => typeof c.ok === 'boolean') && issues.every((i) => fields.includes(i.field))
        );
      }),
    );
  });
});

describe('control digits (properties)', () => {
  it('a prefix with its computed control digits always validates', () => {
    fc.assert(fc.property(digitString(9), (p) => checkInn(inn10(p), 'legal').ok));
    fc.assert(fc.property(digitString(10), (p) => checkInn(inn12(p), 'individual').ok));
    fc.assert(fc.property(digitString(12), (p) => checkOgrn(ogrn(p)).ok));
    fc.assert(fc.property(digitString(14), (p) => checkOgrnip(ogrnip(p)).ok));
  });

  it('a single-digit change in an INN fails unless mod 11 mod 10 collides (10 ↔ 0)', () => {
    fc.assert(
      fc.property(digitString(9), mutationArb(10), (p, [pos, shift]) => {
        const bad = mutate(inn10(p), pos, shift);
        const r = (s: string) => dot(s, W10) % 11;
        expect(checkInn(bad).ok).toBe(collides(r(p), r(bad)));
      }),
    );
    fc.assert(
      fc.property(digitString(10), mutationArb(12), (p, [pos, shift]) => {
        const good = inn12(p);
        const bad = mutate(good, pos, shift);
        const r11 = (s: string) => dot(s, W11) % 11;
        const r12 = (s: string) => dot(s, W12) % 11;
        expect(checkInn(bad).ok).toBe(collides(r11(good), r11(bad)) && collides(r12(good), r12(bad)));
      }),
    );
  });

  it.each([
    [12, 11, checkOgrn],
    [14, 13, checkOgrnip],
  ] as const)('OGRN/OGRNIP (%i+1): a changed digit fails unless mod 10 collides', (n, m, check) => {
    fc.assert(
      fc.property(digitString(n), mutationArb(n + 1), (p, [pos, shift]) => {
        const bad = mutate(p + (bigMod(p, m) % 10), pos, shift);
        expect(check(bad).ok).toBe(collides(bigMod(p, m), bigMod(bad.slice(0, n), m)));
      }),
    );
  });

  it('accounts with a computed key validate; any single-digit change fails (7, 1, 3 are coprime to 10)', () => {
    fc.assert(
      fc.property(bikArb, digitString(19), mutationArb(20), (bik, rest, [pos, shift]) => {
        const account = withKey(bik.slice(-3), rest);
        expect(checkSettlementAccount(account, bik).ok).toBe(true);
        expect(checkSettlementAccount(mutate(account, pos, shift), bik).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(bikArb, digitString(11), mutationArb(20), (bik, middle, [pos, shift]) => {
        const account = withKey(`0${bik.slice(4, 6)}`, `30101${middle}${bik.slice(-3)}`);
        expect(checkCorrAccount(account, bik).ok).toBe(true);
        expect(checkCorrAccount(mutate(account, pos, shift), bik).ok).toBe(false);
      }),
    );
  });
});

describe('validateRequisites', () => {
  const bank = { bik: SBER.bik, corrAccount: SBER_CORR, settlementAccount: SBER_SETTLEMENT };
  const individual = { kind: 'individual' as const, inn: '222600401077', ogrn: OGRNIP_EXAMPLE, ...bank };
  type Input = Parameters<typeof validateRequisites>[0];
  /** `field: message` lines, to keep the expectations short. */
  const issues = (input: Input) => validateRequisites(input).map((i) => `${i.field}: ${i.message}`);
  const fields = (input: Input) => validateRequisites(input).map((i) => i.field);

  it('checks only the fields that are present', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ kind: 'legal' })).toEqual([]);
    expect(issues({ inn: '123' })).toEqual([
      'inn: ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП, физическое лицо)',
    ]);
  });

  it('legal entity: 10-digit INN, KPP required, 13-digit OGRN', () => {
    expect(issues({ kind: 'legal', inn: '222600401077' })).toEqual(['inn: ИНН должен содержать 10 цифр']);
    expect(issues({ kind: 'legal', kpp: null })).toEqual(['kpp: Укажите КПП']);
    expect(issues({ kind: 'legal', kpp: '  ' })).toEqual(['kpp: Укажите КПП']);
    expect(issues({ kind: 'legal', ogrn: OGRNIP_EXAMPLE })).toEqual(['ogrn: ОГРН должен содержать 13 цифр']);
  });

  it('individual: 12-digit INN, no KPP, OGRNIP in `ogrn`', () => {
    expect(issues({ ...individual, kpp: null })).toEqual([]);
    expect(issues({ ...individual, kpp: '' })).toEqual([]);
    expect(fields({ ...individual, kpp: SBER.kpp })).toEqual(['kpp']);
    expect(issues({ ...individual, inn: SBER.inn, ogrn: SBER.ogrn })).toEqual([
      'inn: ИНН должен содержать 12 цифр',
      'ogrn: ОГРНИП должен содержать 15 цифр',
    ]);
  });

  it('without a kind, OGRN or OGRNIP by length; KPP only when filled', () => {
    expect(issues({ ogrn: SBER.ogrn, kpp: null })).toEqual([]);
    expect(issues({ ogrn: OGRNIP_EXAMPLE, kpp: '' })).toEqual([]);
    expect(fields({ ogrn: '12345', kpp: 'x' })).toEqual(['kpp', 'ogrn']);
  });

  it('checks accounts against the BIK only when the BIK is valid', () => {
    const wrongKey = mutate(SBER_SETTLEMENT, 8, 1);
    expect(fields({ ...bank, settlementAccount: wrongKey })).toEqual(['settlementAccount']);
    expect(fields({ ...bank, bik: '123', settlementAccount: wrongKey })).toEqual(['bik']);
    const badFormat = { bik: '123', corrAccount: '40101810400000000225', settlementAccount: '1' };
    expect(fields({ ...bank, ...badFormat })).toEqual(['bik', 'corrAccount', 'settlementAccount']);
  });
});
