import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { partnerEn } from './en';
import { partnerRu } from './ru';

/**
 * The partner pages' dictionary is a namespace of its own, added when their chunk loads (both languages: it is
 * small), so the shared dictionaries keep only the menu labels.
 */
const NAMESPACE = 'partner';

if (!i18next.hasResourceBundle('ru', NAMESPACE)) {
  i18next.addResourceBundle('ru', NAMESPACE, partnerRu);
  i18next.addResourceBundle('en', NAMESPACE, partnerEn);
}

/** `t` that looks in the partner namespace first, then in the app's (`nav.*`, `common.*`, `table.*`). */
export function usePartnerTranslation() {
  // `fallback`: a key missing here is looked up in the next namespace (react-i18next uses only the first otherwise).
  return useTranslation([NAMESPACE, 'translation'], { nsMode: 'fallback' });
}
