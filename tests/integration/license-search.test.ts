import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminLicenseList, LicenseIssueResponse, LicenseList } from '../../src/shared/api/licenses';
import type { TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

/**
 * The license search by serial (list-licenses.ts) takes three paths — a whole serial (equality on the unique
 * index), a fragment (trigram `like`), names (article and organization ids first) — and must find the same
 * licenses on each, in the cabinet and in the back office.
 */

let t: TestApp;
let staff: TestClient;
let customer: TestClient;
let mine: { id: string; inn: string; shortName: string };
let other: { id: string; inn: string };
let ao: LicenseIssueResponse['licenses'];
let ad: LicenseIssueResponse['licenses'];
let theirs: LicenseIssueResponse['licenses'];

beforeAll(async () => {
  t = await startTestApp();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
  mine = await createOrg(t.db);
  other = await createOrg(t.db);
  const owner = await createUser(t.db, { memberOf: [[mine.id, 'owner']] });
  await createUser(t.db, { memberOf: [[other.id, 'owner']] });
  customer = await t.loginAs(owner.email, PASSWORD);
  const aoArticle = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
  const adArticle = await createArticle(t.db, 'AD-19629913021', { name: 'AlterOS Стандартная' });
  await createProductCard(t.db, 'AO', 'AlterOffice');
  await createProductCard(t.db, 'AD', 'AlterOS');
  const issue = async (organizationId: string, articleId: string, serialsCount: number) => {
    const res = await staff.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
      organizationId,
      articleId,
      quantity: 1,
      serialsCount,
    });
    expect(res.status).toBe(201);
    return res.body.licenses;
  };
  ao = await issue(mine.id, aoArticle.id, 3);
  ad = await issue(mine.id, adArticle.id, 2);
  theirs = await issue(other.id, aoArticle.id, 2);
});
afterAll(async () => t?.close());

const cabinet = async (q: string) =>
  (await customer.get<LicenseList>(`/api/v1/licenses?pageSize=100&q=${encodeURIComponent(q)}`)).body;
const backOffice = async (q: string) =>
  (await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?pageSize=100&q=${encodeURIComponent(q)}`)).body;
const serials = (list: { items: Array<{ serial: string }> }) => list.items.map((l) => l.serial).sort();

describe('license search by serial', () => {
  it('a whole serial in any pasted spelling finds exactly that license; another tenant’s is not found', async () => {
    const serial = ao[1]?.serial ?? '';
    for (const typed of [
      serial,
      serial.replaceAll('-', ''),
      ` ${serial.replaceAll('-', ' ').replace('AO', 'ао')} `, // spaces, lower-case Cyrillic «ао»
      serial.replaceAll('-', '–'), // en dashes
    ]) {
      expect(serials(await cabinet(typed)), typed).toEqual([serial]);
      expect(serials(await backOffice(typed)), typed).toEqual([serial]);
    }
    const foreign = theirs[0]?.serial ?? '';
    expect((await cabinet(foreign)).total).toBe(0);
    expect(serials(await backOffice(foreign))).toEqual([foreign]);
    // The right shape, but no such serial.
    expect((await backOffice(serial.replace(/\d{4}$/, '9999'))).total).toBe(0);
  });

  it('a fragment anywhere in the serial: the tail, the article part, two characters', async () => {
    const tail = ad[0]?.serial.slice(-8) ?? ''; // DDD-NNNN
    expect(serials(await cabinet(tail))).toContain(ad[0]?.serial);
    const mineAo = serials({ items: ao });
    expect(serials(await cabinet('19619913021'))).toEqual(mineAo);
    expect(serials(await cabinet('-AO-1961'))).toEqual(mineAo);
    expect(serials(await backOffice('AO19619913021'))).toEqual(serials({ items: [...ao, ...theirs] }));
    expect((await cabinet('AD')).total).toBe(2);
  });

  it('names: product and license name in the cabinet; also organization name and INN in the back office', async () => {
    expect(serials(await cabinet('alterofF'))).toEqual(serials({ items: ao }));
    expect(serials(await cabinet('ALTEROS стандартная'))).toEqual(serials({ items: ad }));
    expect(serials(await backOffice(other.inn))).toEqual(serials({ items: theirs }));
    expect(serials(await backOffice(mine.shortName.slice(5, 15)))).toEqual(
      serials({ items: [...ao, ...ad] }),
    );
    // The cabinet does not search by organization: its licenses are its own anyway.
    expect((await cabinet(other.inn)).total).toBe(0);
  });

  it('a query that matches nothing finds nothing — not everything', async () => {
    for (const q of ['—', '%', 'нет такого', 'ZZZZZZ']) {
      expect((await cabinet(q)).total, q).toBe(0);
      expect((await backOffice(q)).total, q).toBe(0);
    }
    expect((await cabinet('')).total).toBe(5);
  });
});
