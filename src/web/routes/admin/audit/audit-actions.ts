import i18next from 'i18next';

/**
 * Known audit action codes are the keys of `audit.actions` in the back office's dictionaries (routes/admin/i18n/ru.ts): the filter
 * lists them, the table shows their words; a code nobody translated yet is shown as it is.
 */
export function knownAuditActions(): string[] {
  const tree = i18next.getResource('ru', 'translation', 'audit.actions') as unknown;
  const codes: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') codes.push(prefix);
    else if (typeof node === 'object' && node !== null)
      for (const [key, child] of Object.entries(node)) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(tree, '');
  return codes;
}

export function auditActionLabel(code: string): string {
  const key = `audit.actions.${code}`;
  const label = i18next.t(key, { defaultValue: '' });
  return typeof label === 'string' && label !== '' && label !== key ? label : code;
}

/** `{ role: "admin", from: "member" }` → `role: admin · from: member`. */
export function describeDetails(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}
