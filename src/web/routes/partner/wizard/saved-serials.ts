/**
 * The serials a partner checked, kept on this device per user and organization (seed 2.4: «если вы ранее ввели
 * серийный номер для проверки и зашли более чем сутки спустя, то можно загрузить ранее сохраненные серийные
 * номера»). Within a day the list comes back by itself; after that the page asks first.
 */
export const RESTORE_SILENTLY_MS = 24 * 60 * 60 * 1000;

export type SavedSerials = { savedAt: number; serials: string[] };

function storageKey(userId: string, organizationId: string): string {
  return `kabinet.partner.serials.${userId}.${organizationId}`;
}

export function readSavedSerials(userId: string, organizationId: string): SavedSerials | null {
  try {
    const raw = localStorage.getItem(storageKey(userId, organizationId));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { savedAt, serials } = value as Record<string, unknown>;
    if (typeof savedAt !== 'number' || !Array.isArray(serials)) return null;
    const list = serials.filter((serial): serial is string => typeof serial === 'string');
    return list.length > 0 ? { savedAt, serials: list } : null;
  } catch {
    return null;
  }
}

export function writeSavedSerials(userId: string, organizationId: string, serials: string[]): void {
  try {
    if (serials.length === 0) localStorage.removeItem(storageKey(userId, organizationId));
    else
      localStorage.setItem(
        storageKey(userId, organizationId),
        JSON.stringify({ savedAt: Date.now(), serials } satisfies SavedSerials),
      );
  } catch {
    // Private mode or a full storage: the list simply is not remembered.
  }
}

export function clearSavedSerials(userId: string, organizationId: string): void {
  writeSavedSerials(userId, organizationId, []);
}

/** A `.txt` with one serial per line: lines trimmed, empty ones skipped (seed 2.4 «Импорт из файла»). */
export async function readSerialsFile(file: File): Promise<string[]> {
  const text = await file.text();
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
