import i18next from 'i18next';
import type { ru } from '../../../i18n/ru';
import { adminEn } from './en';
import { type AdminDictionary, adminRu } from './ru';

/**
 * The back office's dictionaries leave the eager bundle: admin-layout.tsx imports this module, so they are
 * added when the admin chunk loads, before the layout (and so any /admin page, deep links included) renders.
 * They are deep-merged into the default namespace, so pages keep calling `t('admin.…')`. Both languages
 * come with the chunk: a deep link in English has its words on the first render, and switching language
 * needs nothing more (i18n/index.ts merges the app's English over them without dropping them).
 */
i18next.addResourceBundle('ru', 'translation', adminRu, true, false);
i18next.addResourceBundle('en', 'translation', adminEn, true, false);

// A top-level key in both the shared and the admin dictionaries would be merged silently; keep them apart.
const _areasApart: [Extract<keyof AdminDictionary, keyof typeof ru>] extends [never] ? true : never = true;
