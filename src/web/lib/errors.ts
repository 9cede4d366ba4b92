import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * The server writes messages for people in Russian (ARCHITECTURE.md, "Errors"), so Russian shows them
 * as they are; other languages translate known codes and fall back to the server's words.
 */
export function describeError(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'NETWORK_ERROR') return t('errors.network');
  if (error.status >= 500) {
    return error.requestId ? t('errors.serverWithId', { id: error.requestId }) : t('errors.server');
  }
  const fallback = error.message || t('errors.unknown');
  if (language === 'ru') return fallback;
  return t(`errors.codes.${error.code}`, { defaultValue: fallback });
}

export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => describeError(error, t, i18n.language), [t, i18n.language]);
}
