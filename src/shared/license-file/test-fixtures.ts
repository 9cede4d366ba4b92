/** Shared fixtures for the license-file tests (not exported from the library index). */
import { encodeLicenseEnvelope, type LicenseEnvelope, parseLicenseEnvelope } from './envelope';
import type { LicensePayload } from './format';

/** Valid 13.04.2026–12.04.2027 (seed 002: a 12-month update subscription activated 13.04.26). */
export function samplePayload(overrides: Partial<LicensePayload> = {}): LicensePayload {
  return {
    v: 1,
    deviceSerial: '26-AQ-12345678901-103-0001',
    model: 'aQsi 5Ф',
    vendor: 'ООО «Пэй Киоск»',
    licenseType: 'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), aQsi',
    validFrom: '2026-04-13',
    validUntil: '2027-04-12',
    issuedAt: '2026-04-13T10:00:00.000Z',
    activationNumber: 42,
    licenseeInn: '7701234567',
    licenseeName: 'ООО «Ромашка»',
    ...overrides,
  };
}

/** A moment well inside the sample validity period. */
export const NOW = new Date('2026-06-01T12:00:00Z');

export function envelopeOf(text: string): LicenseEnvelope {
  const parsed = parseLicenseEnvelope(text);
  if (!parsed.ok) throw new Error(`fixture is not a valid envelope: ${parsed.message}`);
  return parsed.envelope;
}

/** Re-armours a license after changing envelope fields, the way an attacker would edit a file. */
export function withEnvelope(text: string, change: Partial<LicenseEnvelope>): string {
  return encodeLicenseEnvelope({ ...envelopeOf(text), ...change });
}
