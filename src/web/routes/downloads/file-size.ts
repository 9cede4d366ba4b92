const UNITS = {
  ru: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'],
  en: ['B', 'KB', 'MB', 'GB', 'TB'],
} as const;

/**
 * `734 003 200` → «700 МБ», `4 690 000 000` → «4,37 ГБ»: binary units, as file managers show them, one
 * decimal for megabytes, two for gigabytes, so two builds of nearly equal size still look different.
 */
export function formatFileSize(bytes: number, language: string): string {
  const ru = !language.startsWith('en');
  const units = ru ? UNITS.ru : UNITS.en;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : unit >= 3 ? 2 : 1;
  const number = new Intl.NumberFormat(ru ? 'ru-RU' : 'en-US', { maximumFractionDigits: digits }).format(
    value,
  );
  return `${number} ${units[unit]}`;
}

/** `a1b2c3d4…9f0e`: enough of a SHA-256 to tell builds apart at a glance; the full hash is copied. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;
}
