/**
 * The sample register offered for download: the columns the import reads (ИНН; серийный номер; артикул;
 * количество; активировано), `;` as Excel in the Russian locale writes it, and a UTF-8 BOM so Excel opens
 * Cyrillic headers correctly.
 */
export const SAMPLE_CSV = [
  'ИНН;Серийный номер;Артикул;Количество;Активировано',
  '7707083893;21-AO-19619913021-266-3388;AO-19619913021;10;3',
  '7707083893;21-AD-19629913021-266-3389;AD-19629913021;5;0',
].join('\r\n');

export function sampleCsvHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${SAMPLE_CSV}\r\n`)}`;
}

/**
 * A register exported from Excel is often Windows-1251; a file that is not valid UTF-8 is read as that.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
