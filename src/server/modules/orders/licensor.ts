import { LicensorSettings } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { readSetting, writeSetting } from '../system/settings';

const KEY = 'licensor';

/**
 * The licensor of seed 002 («АО «Пи Джи групп» (ОГРН 1187746057322)») until the operator fills in the real
 * requisites: the supplier the invoice and the УПД print. The bank block is Sberbank's Moscow office
 * (БИК 044525225, к/с 30101810400000000225); the INN/KPP/account are demo values of the right shape.
 */
export const DEFAULT_LICENSOR: LicensorSettings = {
  shortName: 'АО «Пи Джи Групп»',
  fullName: 'Акционерное общество «Пи Джи Групп»',
  inn: '9701101927',
  kpp: '770101001',
  ogrn: '1187746057322',
  address: '105064, г. Москва, ул. Земляной Вал, д. 9, этаж 5, помещ. 12',
  phone: '+7 495 120-00-00',
  bankName: 'ПАО Сбербанк',
  bik: '044525225',
  correspondentAccount: '30101810400000000225',
  settlementAccount: '40702810538000123456',
  director: 'Петров А. С.',
  accountant: 'Смирнова Е. В.',
  invoicePrefix: 'ПГ-',
};

/** The licensor's requisites (portal setting `licensor`), defaults filled in for a fresh installation. */
export async function getLicensor(db: Db): Promise<LicensorSettings> {
  const parsed = LicensorSettings.safeParse({ ...DEFAULT_LICENSOR, ...(await readSetting(db, KEY)) });
  return parsed.success ? parsed.data : DEFAULT_LICENSOR;
}

/**
 * Saves the requisites for documents made from now on; documents already made keep what they printed
 * (their PDF bytes are stored).
 */
export async function saveLicensor(
  db: Db,
  input: LicensorSettings,
  actor: AuditActor,
): Promise<LicensorSettings> {
  await db.transaction(async (tx) => {
    await writeSetting(tx, KEY, input);
    await recordAudit(tx, {
      actor,
      action: 'orders.licensor_updated',
      entityType: 'portal',
      entityId: KEY,
      details: { inn: input.inn, invoicePrefix: input.invoicePrefix },
    });
  });
  return input;
}
