import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateProfile } from '../api/queries/auth';
import { applyLocale, currentLocale, type Locale, storedLocale } from '../i18n';

/** Switches the language, remembers it on this device and in the profile of whoever is logged in. */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const { data: me } = useMe();
  const updateProfile = useUpdateProfile();
  return async (locale) => {
    await applyLocale(locale, { remember: true });
    if (me && me.user.locale !== locale) updateProfile.mutate({ locale });
  };
}

/**
 * After login the device's explicit choice wins and is saved to the profile; without one, the profile's
 * language is used (the person chose it on another device).
 */
export function useProfileLocaleSync(): void {
  const { data: me } = useMe();
  const { mutate } = useUpdateProfile();
  const syncedFor = useRef<string | null>(null);
  useTranslation(); // re-render on language change

  useEffect(() => {
    if (!me || syncedFor.current === me.user.id) return;
    syncedFor.current = me.user.id;
    const stored = storedLocale();
    if (stored === null) {
      if (me.user.locale !== currentLocale()) void applyLocale(me.user.locale, { remember: false });
    } else if (stored !== me.user.locale) {
      mutate({ locale: stored });
    }
  }, [me, mutate]);
}
