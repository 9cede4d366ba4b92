/**
 * Subscription date arithmetic of partner activations (seed 002, «Текущая подписка» / «Новая подписка»).
 * Every date is a Moscow calendar day `YYYY-MM-DD`; ISO dates compare correctly as strings. Pure and shared,
 * so the pre-check table in the browser and the server's license job compute the same days.
 */

import { LONG_SUBSCRIPTION_DAYS } from './api/activations';
import { addCalendarDays } from './dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a calendar date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `YYYY-MM-DD` plus whole months, clamped to the end of a shorter month: 31.01 + 1 month = 28.02 (29.02 in a
 * leap year), 29.02.2028 + 12 months = 28.02.2029. The day never spills into the next month.
 */
export function addMonthsClamped(isoDate: string, months: number): string {
  const { year, month, day } = parts(isoDate);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return iso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The later of two days; a missing current end counts as none. */
export function laterDay(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

/**
 * «Новая подписка»: the term counts from the current end when it is still ahead (or today), otherwise from
 * today — max(current end, today) + term months.
 */
export function newSubscriptionEnd(currentEnd: string | null, today: string, termMonths: number): string {
  return addMonthsClamped(laterDay(currentEnd, today), termMonths);
}

/**
 * The first day of a new license file: the day it is issued, also for a renewal whose paid term starts after the
 * current end. A device keeps one license file and the check-in API hands out only the latest, so the newest
 * file must be usable at once and cover what the older one covered: it runs from today to the new end.
 */
export function newLicenseStart(today: string): string {
  return today;
}

/** The current subscription runs more than LONG_SUBSCRIPTION_DAYS past today (seed 002, 2.4 warning). */
export function isLongSubscription(currentEnd: string | null, today: string): boolean {
  return currentEnd !== null && currentEnd > addCalendarDays(today, LONG_SUBSCRIPTION_DAYS);
}
