import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { raiseCounter, takeCounterBlock } from '../system/counters';

/** NNNN runs 0000–9999 within a day (seed 000: «порядковый номер генерации в текущий день (от 0 до 9999)»). */
export const SERIALS_PER_DAY = 10_000;

/** One counter per Moscow day of generation: `serial:2021-266`. */
export function serialCounterName(year: number, dayOfYear: number): string {
  return `serial:${year}-${String(dayOfYear).padStart(3, '0')}`;
}

/**
 * Reserves `count` consecutive NNNN of the day inside the issuing transaction and returns the first. The
 * counter row stays locked until commit, so parallel issues get disjoint blocks and a failed issue gives its
 * block back: the day's sequence has no gaps and no repeats. Past 9999 nothing is issued (the whole
 * transaction rolls back).
 */
export async function reserveSerialSequences(
  tx: Db,
  input: { year: number; dayOfYear: number; count: number },
): Promise<number> {
  const { first, last } = await takeCounterBlock(
    tx,
    serialCounterName(input.year, input.dayOfYear),
    input.count,
  );
  if (last > SERIALS_PER_DAY) {
    const left = Math.max(0, SERIALS_PER_DAY - (first - 1));
    throw new AppError(
      'SERIAL_DAY_EXHAUSTED',
      left > 0
        ? `На сегодня осталось серийных номеров: ${left}, а запрошено ${input.count}. Лицензии не выпущены: уменьшите количество или повторите завтра.`
        : undefined,
      { requested: input.count, left },
    );
  }
  return first - 1;
}

/**
 * Keeps the day counters ahead of serials that arrive from outside (CSV import of existing licenses), so a
 * serial generated later never repeats one of them.
 */
export async function markSerialsUsed(
  tx: Db,
  serials: ReadonlyArray<{ year: number; dayOfYear: number; sequence: number }>,
): Promise<void> {
  const highest = new Map<string, number>();
  for (const s of serials) {
    const name = serialCounterName(s.year, s.dayOfYear);
    highest.set(name, Math.max(highest.get(name) ?? 0, s.sequence + 1));
  }
  for (const [name, value] of [...highest].sort(([a], [b]) => a.localeCompare(b)))
    await raiseCounter(tx, name, value);
}

/** The organization's readable license numbers («ID» in the cabinet): 1, 2, 3… without gaps. */
export async function reserveLicenseNumbers(tx: Db, organizationId: string, count: number): Promise<number> {
  const { first } = await takeCounterBlock(tx, `license-number:${organizationId}`, count);
  return first;
}
