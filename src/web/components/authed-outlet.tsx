import { Outlet } from '@tanstack/react-router';
import { useProfileLocaleSync } from '../lib/locale';

/** Everything behind login: keeps the interface language in step with the profile. */
export function AuthedOutlet() {
  useProfileLocaleSync();
  return <Outlet />;
}
