import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A staff permission in words (`integrationTokens.permission.*`); a code nobody translated yet shows as is. */
export function usePermissionLabel(): (permission: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (permission: string) => t(`integrationTokens.permission.${permission}`, { defaultValue: permission }),
    [t],
  );
}
