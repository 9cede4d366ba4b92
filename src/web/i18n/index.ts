import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ru } from './ru';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kabinet.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en';
}

/** The language a person picked on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'ru';
}

/** The app's dictionaries already added; areas (the back office) add theirs to the same namespace themselves. */
const loaded = new Set<Locale>(['ru']);

/**
 * Russian ships with the app; English is fetched the first time someone switches to it. Not `hasResourceBundle`:
 * the admin chunk may have added its English already (routes/admin/i18n), which is not the app's.
 */
async function loadResources(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en, true, true);
  loaded.add(locale);
}

export async function applyLocale(locale: Locale, options: { remember: boolean }): Promise<void> {
  await loadResources(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  if (options.remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
}

export async function initI18n(): Promise<void> {
  const locale = storedLocale() ?? 'ru';
  await i18next.use(initReactI18next).init({
    lng: 'ru',
    fallbackLng: 'ru',
    resources: { ru: { translation: ru } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
  });
  if (locale !== 'ru') await applyLocale(locale, { remember: false });
}
