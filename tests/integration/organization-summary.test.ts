import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationList } from '../../src/shared/api/organizations';
import type { TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// «Выдача лицензий» prefills the recipient from the organization it picks in the back office's list (issue
// 14.7): the summary carries the address a shipment is sent to by default — the contact's, else the
// organization's own (notify-shipment.ts).

let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
});
afterAll(async () => t?.close());

const summaryOf = async (inn: string) => {
  const res = await staff.get<OrganizationList>(`/api/v1/admin/organizations?q=${inn}&status=active`);
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(1);
  return res.body.items[0];
};

describe('the back office’s organization summary', () => {
  it('carries the contact e-mail the shipment form starts from', async () => {
    const org = await createOrg(t.db, { contactEmail: 'it.head@summary.example' });
    expect((await summaryOf(org.inn))?.contactEmail).toBe('it.head@summary.example');
  });

  it('falls back to the organization’s e-mail when it has no contact e-mail, as the shipment does', async () => {
    const org = await createOrg(t.db, { contactEmail: null });
    expect(org.email).toBeTruthy();
    expect((await summaryOf(org.inn))?.contactEmail).toBe(org.email);
  });
});
