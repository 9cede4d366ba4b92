import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vendor } from '../../src/shared/api/devices';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.loginAs((await createUser(t.db, { staffRole: 'manager' })).email, PASSWORD);
});
afterAll(async () => t?.close());

const vendorBody = (integrationUrl: string) => ({
  name: `Вендор ${++n}`,
  fullName: `ООО «Вендор ${n}»`,
  ogrn: '1067746394792',
  installMethod: 'automatic',
  installNote: 'происходит автоматически',
  integrationUrl,
});

describe('a vendor integration URL may not reach internal networks (issue 8, item 14)', () => {
  it('with ALLOW_PRIVATE_INTEGRATION_URLS off, loopback, private, link-local, CGNAT, ULA and localhost are refused', async () => {
    t.deps.config.allowPrivateIntegrationUrls = false;
    try {
      for (const url of [
        'http://127.0.0.1:8080/activate',
        'https://10.0.0.5/activate',
        'https://192.168.1.10/activate',
        'https://169.254.169.254/latest/meta-data',
        'https://100.64.1.1/activate',
        'https://[fd00::1]/activate',
        'https://localhost/activate',
        'https://0x7f.1/activate',
      ]) {
        const res = await staff.post<ErrorBody>('/api/v1/admin/vendors', vendorBody(url));
        expect(res.status, url).toBe(400);
        expect(res.body.error.code).toBe('INTEGRATION_URL_PRIVATE');
        expect(res.body.error.message).toContain('ALLOW_PRIVATE_INTEGRATION_URLS');
        expect(res.body.error.details?.[0]?.path).toBe('integrationUrl');
      }
      const ok = await staff.post<Vendor>(
        '/api/v1/admin/vendors',
        vendorBody('https://vendor.example/activate'),
      );
      expect(ok.status).toBe(201);
      const changed = await staff.put<ErrorBody>(`/api/v1/admin/vendors/${ok.body.id}`, {
        ...vendorBody('https://172.20.0.1/activate'),
        name: ok.body.name,
      });
      expect(changed.status).toBe(400);
      expect(changed.body.error.code).toBe('INTEGRATION_URL_PRIVATE');
      const kept = await staff.get<Vendor>(`/api/v1/admin/vendors/${ok.body.id}`);
      expect(kept.body.integrationUrl).toBe('https://vendor.example/activate');
    } finally {
      t.deps.config.allowPrivateIntegrationUrls = true;
    }
  });

  it('with the flag on, the operator may point a vendor at a local service', async () => {
    const res = await staff.post<Vendor>(
      '/api/v1/admin/vendors',
      vendorBody('http://127.0.0.1:8080/activate'),
    );
    expect(res.status).toBe(201);
    expect(res.body.integrationUrl).toBe('http://127.0.0.1:8080/activate');
  });
});
