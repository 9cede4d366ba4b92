import type { LicenseImportResponse } from '../../../shared/api/licenses';
import { assertPlainText, decodeTextFile, TextFileProblem } from '../../../shared/text-encoding';
import type { Db } from '../../db/client';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-error';
import { AppError } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { loadCodeTables } from '../catalog/code-tables';
import { enableProgram } from '../organizations/save-organization';
import { parseCsv } from './parse-csv';
import { readImportRows } from './read-import-rows';
import { licenses } from './schema';
import { markSerialsUsed, reserveLicenseNumbers } from './sequences';
import { type ImportLine, validateImportRows } from './validate-import';

/** One upload at most; bigger registers go in several files. */
export const MAX_IMPORT_ROWS = 10_000;
const INSERT_CHUNK = 1000;

/**
 * The generation day of an imported serial as an instant: 09:00 UTC of that calendar day is midday in
 * Moscow, so the Moscow date shown is the serial's own day.
 */
function issuedAtOf(line: ImportLine): Date {
  return new Date(Date.UTC(line.parts.year, 0, line.parts.dayOfYear, 9));
}

function invalid(errors: Array<{ row: number; column: string | null; message: string }>): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(
    'IMPORT_INVALID',
    `Файл не загружен: ошибки в строках (${rows}). Исправьте их и загрузите файл снова — ни одна лицензия не добавлена.`,
    errors,
  );
}

/** The problem of a file that is not text, as the one error people and programs see for it. */
function asEncodingError(error: unknown): unknown {
  return error instanceof TextFileProblem ? new AppError('FILE_ENCODING_UNSUPPORTED', error.message) : error;
}

/** The text of an uploaded register (UTF-8, Windows-1251, UTF-16 with a BOM), or 422 saying what is wrong. */
export function decodeImportFile(bytes: Uint8Array): string {
  try {
    return decodeTextFile(bytes);
  } catch (error) {
    throw asEncodingError(error);
  }
}

/**
 * Imports licenses issued before Kabinet (a CSV: ИНН; серийный номер; артикул; количество; активировано).
 * Serials are kept as given once the codec accepts them. All or nothing: any wrong row rejects the file with
 * a report of every error by row; a clean file goes in one transaction. No emails: these are not new.
 */
export async function importLicenses(
  db: Db,
  csv: string,
  actor: AuditActor,
  now = new Date(),
): Promise<LicenseImportResponse> {
  // A JSON `{ csv }` is text already; NUL and control characters are refused the same way as in a file.
  try {
    assertPlainText(csv);
  } catch (error) {
    throw asEncodingError(error);
  }
  const { rows, errors: shapeErrors } = readImportRows(parseCsv(csv));
  if (shapeErrors.length > 0) throw invalid(shapeErrors);
  if (rows.length > MAX_IMPORT_ROWS)
    throw invalid([
      {
        row: 1,
        column: null,
        message: `Строк ${rows.length}, а за один раз загружается не больше ${MAX_IMPORT_ROWS}`,
      },
    ]);
  const { lines, errors } = await validateImportRows(db, rows, await loadCodeTables(db), now);
  if (errors.length > 0) throw invalid(errors);

  const byOrganization = new Map<string, ImportLine[]>();
  for (const line of lines)
    byOrganization.set(line.organizationId, [...(byOrganization.get(line.organizationId) ?? []), line]);
  try {
    await db.transaction(async (tx) => {
      // Serial day counters first, then license numbers, each in a fixed order: parallel imports and issues
      // take locks in the same order and cannot deadlock.
      await markSerialsUsed(
        tx,
        lines.map((l) => l.parts),
      );
      for (const [organizationId, own] of [...byOrganization].sort(([a], [b]) => a.localeCompare(b))) {
        own.sort((a, b) => a.serial.localeCompare(b.serial));
        const firstNumber = await reserveLicenseNumbers(tx, organizationId, own.length);
        const values = own.map((line, i) => ({
          organizationId,
          number: firstNumber + i,
          articleId: line.articleId,
          serial: line.serial,
          quantity: line.quantity,
          activated: line.activated,
          source: 'imported' as const,
          issuedAt: issuedAtOf(line),
        }));
        for (let at = 0; at < values.length; at += INSERT_CHUNK)
          await tx.insert(licenses).values(values.slice(at, at + INSERT_CHUNK));
        await enableProgram(tx, organizationId, 'licenses', actor);
        await recordAudit(tx, {
          actor,
          action: 'licenses.imported',
          organizationId,
          entityType: 'organization',
          entityId: organizationId,
          details: { count: own.length, serials: own.slice(0, 50).map((l) => l.serial) },
        });
      }
    });
  } catch (error) {
    // Another upload or issue took one of these serials between the check and the insert.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION)
      throw new AppError(
        'CONFLICT',
        'Часть серийных номеров только что загружена другим запросом. Загрузите файл снова.',
      );
    throw error;
  }
  return { imported: lines.length, organizations: byOrganization.size };
}
