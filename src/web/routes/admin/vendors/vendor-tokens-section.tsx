import { VendorApiTokenCreateBody } from '../../../../shared/api/activations';
import {
  useCreateVendorToken,
  useRevokeVendorToken,
  useVendorTokens,
} from '../../../api/queries/admin-partner-keys';
import { ApiTokensSection } from '../components/api-tokens-section';

/** «Токены API устройств»: the vendor's devices fetch their signed licenses with these (`kbv_…`). */
export function VendorTokensSection({ vendorId }: { vendorId: string }) {
  const tokens = useVendorTokens(vendorId);
  const create = useCreateVendorToken(vendorId);
  const revoke = useRevokeVendorToken(vendorId);
  return (
    <ApiTokensSection
      keys="partnerOps.vendorTokens"
      tokens={tokens}
      create={create}
      revoke={revoke}
      createSchema={VendorApiTokenCreateBody}
    />
  );
}
