import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/modules/identity/schema';
import { createOrderForActivation } from '../../src/server/modules/orders/create-order';
import { orders } from '../../src/server/modules/orders/schema';
import type { OrderDetail } from '../../src/shared/api/orders';
import type { TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';
import {
  type Catalog,
  createCatalog,
  insertDoneActivation,
  LICENSE_NAME,
  makePartner,
  publishOffer,
} from '../helpers/partner-factories';

// Issue 14.3: the order's «Заказчик» block (seed 002, 2.7) reads the activating person's phone and e-mail, else
// the organization's contact ones, and a dash (null) only when neither exists — in the cabinet and the back office.

let t: TestApp;
let catalog: Catalog;
let offerId: string;
let staff: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  catalog = await createCatalog(t.db);
  offerId = await publishOffer(t.db);
  staff = await t.loginAs((await createUser(t.db, { staffRole: 'accountant' })).email, PASSWORD);
});
afterAll(async () => t?.close());

/** A partner organization, its owner (with the given phone) logged in, and one order the owner activated. */
async function orderBy(input: { personPhone: string | null; orgPhone?: string; orgEmail?: string }) {
  const organization = await createOrg(t.db, {
    programs: ['partner'],
    contactPhone: input.orgPhone,
    contactEmail: input.orgEmail,
  });
  await makePartner(t.db, { organizationId: organization.id, offerId });
  const user = await createUser(t.db, { memberOf: [[organization.id, 'owner']] });
  await t.db.update(users).set({ phone: input.personPhone }).where(eq(users.id, user.id));
  const activation = await insertDoneActivation(t.db, {
    organizationId: organization.id,
    userId: user.id,
    catalog,
    items: [
      {
        licenseTypeId: catalog.exemptTypeId,
        licenseTypeName: LICENSE_NAME,
        priceKopecks: 100_000,
        vat: null,
      },
    ],
  });
  const { orderId } = await t.db.transaction((tx) => createOrderForActivation(tx, activation.id, new Date()));
  const partner = await t.loginAs(user.email, PASSWORD);
  return { organization, user, orderId, partner };
}

async function contactOf(client: TestClient, path: string) {
  const res = await client.get<OrderDetail>(path);
  expect(res.status, path).toBe(200);
  return { phone: res.body.contactPhone, email: res.body.contactEmail };
}

async function bothViews(made: Awaited<ReturnType<typeof orderBy>>) {
  const cabinet = await contactOf(made.partner, `/api/v1/partner/orders/${made.orderId}`);
  const backOffice = await contactOf(staff, `/api/v1/admin/orders/${made.orderId}`);
  expect(backOffice).toEqual(cabinet);
  return cabinet;
}

describe("the order's «Заказчик» contact", () => {
  it("the activating person's own phone and e-mail come first", async () => {
    const made = await orderBy({ personPhone: '+7 900 111-22-33', orgPhone: '+7 800 555-35-35' });
    expect(await bothViews(made)).toEqual({ phone: '+7 900 111-22-33', email: made.user.email });
  });

  it("a person without a phone: the organization's contact phone, not a dash", async () => {
    const made = await orderBy({ personPhone: null, orgPhone: '+7 800 555-35-35' });
    expect(await bothViews(made)).toEqual({ phone: '+7 800 555-35-35', email: made.user.email });
  });

  it('a phone saved blank counts as none; a phone the organization adds later shows on the older order', async () => {
    const made = await orderBy({ personPhone: '' });
    expect((await bothViews(made)).phone).toBeNull();
    const saved = await made.partner.patch('/api/v1/organization', { contactPhone: '+7 495 123-45-67' });
    expect(saved.status).toBe(200);
    expect((await bothViews(made)).phone).toBe('+7 495 123-45-67');
  });

  it("an order with no person's e-mail reads the organization's contact e-mail, else its e-mail", async () => {
    const made = await orderBy({ personPhone: null, orgEmail: 'it@zolotoy.example' });
    // An order whose creator left no e-mail (e.g. the account was deleted before the order was made).
    await t.db.update(orders).set({ contactEmail: null }).where(eq(orders.id, made.orderId));
    expect((await bothViews(made)).email).toBe('it@zolotoy.example');
    const plain = await orderBy({ personPhone: null });
    await t.db.update(orders).set({ contactEmail: null }).where(eq(orders.id, plain.orderId));
    expect(await bothViews(plain)).toEqual({ phone: null, email: plain.organization.email });
  });
});
