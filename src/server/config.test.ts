import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults and generates APP_SECRET into DATA_DIR once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
    });
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'app-secret'), 'utf8').trim()).toBe(config.appSecret);
    expect(loadConfig({ DATA_DIR: dir }).appSecret).toBe(config.appSecret);
  });

  it('names every bad variable in Russian', () => {
    const bad = {
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'http://mail',
      APP_SECRET: 'short',
      LOG_LEVEL: 'loud',
      DATA_DIR: tmpdir(),
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'APP_SECRET', 'LOG_LEVEL'])
        expect(message).toContain(name);
      expect(message).toContain('Неверные переменные окружения');
    }
  });

  it('takes PUBLIC_URL without a trailing slash and keeps DATABASE_URL', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://lk.example.ru/',
      DATABASE_URL: 'postgres://u@h:5432/db',
      APP_SECRET: 'x'.repeat(40),
    });
    expect(config.publicUrl).toBe('https://lk.example.ru');
    expect(config.databaseUrl).toBe('postgres://u@h:5432/db');
  });
});

describe('hardening settings (issue 8: METRICS_TOKEN, METRICS_ALLOW, ALLOW_PRIVATE_INTEGRATION_URLS)', () => {
  const base = { APP_SECRET: 'x'.repeat(40) };

  it('defaults to loopback-only metrics, no token and private integration URLs refused', () => {
    const config = loadConfig(base);
    expect(config.metricsAllow).toBe('127.0.0.1/8,::1');
    expect(config.metricsToken).toBeUndefined();
    expect(config.allowPrivateIntegrationUrls).toBe(false);
  });

  it('takes a token, an address list and the allow flag', () => {
    const config = loadConfig({
      ...base,
      METRICS_TOKEN: 'm'.repeat(24),
      METRICS_ALLOW: '10.0.0.0/8, ::1',
      ALLOW_PRIVATE_INTEGRATION_URLS: 'true',
    });
    expect(config).toMatchObject({
      metricsToken: 'm'.repeat(24),
      metricsAllow: '10.0.0.0/8, ::1',
      allowPrivateIntegrationUrls: true,
    });
  });

  it('names a short token, a wrong address entry and a non-boolean flag', () => {
    const bad = {
      ...base,
      METRICS_TOKEN: 'short',
      METRICS_ALLOW: '10.0.0.0/8,intranet',
      ALLOW_PRIVATE_INTEGRATION_URLS: 'yes',
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    const message = (() => {
      try {
        loadConfig(bad);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('METRICS_TOKEN');
    expect(message).toContain('«intranet»');
    expect(message).toContain('ALLOW_PRIVATE_INTEGRATION_URLS');
  });
});
