import { z } from 'zod';

/** Zod's built-in messages in Russian; our own schemas carry their specific messages. */
export function applyRussianValidationMessages(): void {
  z.config(z.locales.ru());
}
