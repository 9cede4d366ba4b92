import { describe, expect, it } from 'vitest';
import { LicensorSettings } from '../../../shared/api/orders';
import {
  checkCorrAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  checkSettlementAccount,
} from '../../../shared/requisites';
import { DEFAULT_LICENSOR } from './licensor';

describe('the demo licensor (seed 002: АО «Пи Джи Групп», ОГРН 1187746057322)', () => {
  it('has requisites that pass the real control-digit checks, so its invoices can be paid by a bank form', () => {
    const l = DEFAULT_LICENSOR;
    expect(LicensorSettings.parse(l)).toEqual(l);
    expect(checkInn(l.inn).ok).toBe(true);
    expect(checkKpp(l.kpp).ok).toBe(true);
    expect(checkOgrn(l.ogrn).ok).toBe(true);
    expect(checkCorrAccount(l.correspondentAccount, l.bik).ok).toBe(true);
    expect(checkSettlementAccount(l.settlementAccount, l.bik).ok).toBe(true);
    expect(l.invoicePrefix).toBe('ПГ-');
  });
});
