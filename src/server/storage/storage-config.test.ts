import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('storage settings', () => {
  const secret = { APP_SECRET: 'x'.repeat(40) };

  it('keeps product files in DATA_DIR/files and accepts up to 4 GiB by default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-config-'));
    const config = loadConfig({ ...secret, DATA_DIR: dir });
    expect(config.storageDir).toBe(path.join(dir, 'files'));
    expect(config.uploadLimitBytes).toBe(4 * 1024 ** 3);
  });

  it('takes STORAGE_DIR and UPLOAD_LIMIT_MB from the environment', () => {
    const config = loadConfig({ ...secret, STORAGE_DIR: 'relative/files', UPLOAD_LIMIT_MB: '10' });
    expect(config.storageDir).toBe(path.resolve('relative/files'));
    expect(config.uploadLimitBytes).toBe(10 * 1024 * 1024);
  });

  it('refuses an upload limit that is not a whole positive number, naming the variable', () => {
    for (const value of ['0', '-5', '1.5', 'много'])
      expect(() => loadConfig({ ...secret, UPLOAD_LIMIT_MB: value }), value).toThrow(/UPLOAD_LIMIT_MB/);
    expect(() => loadConfig({ ...secret, UPLOAD_LIMIT_MB: '0' })).toThrow(ConfigError);
  });
});
