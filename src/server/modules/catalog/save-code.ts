import { and, eq } from 'drizzle-orm';
import type { CodeEntry, CodeTable } from '../../../shared/api/catalog';
import { SERIAL_TABLES, type SerialTableKey, validateTableCode } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { forgetCodeTables, isSeedCode, loadCodeTables, nextCodePosition } from './code-tables';
import { catalogCodes } from './schema';

type CodeRow = typeof catalogCodes.$inferSelect;

function toEntry(row: CodeRow): CodeEntry {
  return {
    code: row.code,
    name: row.name,
    retired: row.retired,
    isSeed: isSeedCode(row.tableKey as SerialTableKey, row.code),
  };
}

/** The 8 tables with every code, retired ones included (they still decode). */
export async function listCodeTables(db: Db): Promise<CodeTable[]> {
  const rows = await db.select().from(catalogCodes);
  return (Object.keys(SERIAL_TABLES) as SerialTableKey[])
    .map((key) => ({ key, table: SERIAL_TABLES[key] }))
    .sort((a, b) => a.table.number - b.table.number)
    .map(({ key, table }) => ({
      key,
      number: table.number,
      title: table.title,
      width: table.width,
      entries: rows
        .filter((r) => r.tableKey === key)
        .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
        .map(toEntry),
    }));
}

/** Adds a code to a table; width, characters and uniqueness are the codec's rules (`validateTableCode`). */
export async function addCode(
  db: Db,
  input: { table: SerialTableKey; code: string; name: string },
  actor: AuditActor,
): Promise<CodeEntry> {
  forgetCodeTables(db);
  const tables = await loadCodeTables(db);
  const errors = validateTableCode(input.table, input.code, tables);
  if (errors.length > 0) {
    const duplicate = errors.some((e) => e.code === 'SERIAL_DUPLICATE_CODE');
    throw new AppError(
      duplicate ? 'CONFLICT' : 'VALIDATION_ERROR',
      errors[0]?.message,
      errors.map((e) => ({ path: 'code', message: e.message, code: e.code })),
    );
  }
  const row = await db.transaction(async (tx) => {
    const position = await nextCodePosition(tx, input.table);
    const [inserted] = await tx
      .insert(catalogCodes)
      .values({ tableKey: input.table, code: input.code, name: input.name, position })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw new AppError('CONFLICT', `Код «${input.code}» уже есть в таблице`);
    await recordAudit(tx, {
      actor,
      action: 'catalog.code_added',
      entityType: 'catalog_code',
      entityId: `${input.table}:${input.code}`,
      details: { name: input.name },
    });
    return inserted;
  });
  forgetCodeTables(db);
  return toEntry(row);
}

/**
 * Renames a code or retires / restores it. A retired code keeps decoding (issued serials stay valid, seed 000)
 * while new articles and serials refuse it.
 */
export async function updateCode(
  db: Db,
  input: { table: SerialTableKey; code: string; name?: string; retired?: boolean },
  actor: AuditActor,
): Promise<CodeEntry> {
  const where = and(eq(catalogCodes.tableKey, input.table), eq(catalogCodes.code, input.code));
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(catalogCodes).where(where).for('update');
    if (!current) throw notFound(`Кода «${input.code}» нет в таблице ${SERIAL_TABLES[input.table].number}`);
    const name = input.name ?? current.name;
    const retired = input.retired ?? current.retired;
    if (name === current.name && retired === current.retired) return current;
    const [updated] = await tx
      .update(catalogCodes)
      .set({ name, retired, updatedAt: new Date() })
      .where(where)
      .returning();
    const action =
      retired !== current.retired
        ? retired
          ? 'catalog.code_retired'
          : 'catalog.code_restored'
        : 'catalog.code_renamed';
    await recordAudit(tx, {
      actor,
      action,
      entityType: 'catalog_code',
      entityId: `${input.table}:${input.code}`,
      details: name !== current.name ? { from: current.name, to: name } : {},
    });
    return updated ?? current;
  });
  forgetCodeTables(db);
  return toEntry(row);
}
