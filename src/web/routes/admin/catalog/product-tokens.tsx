import { ProductApiTokenCreateBody } from '../../../../shared/api/catalog';
import { useCreateProductToken, useProductTokens, useRevokeProductToken } from '../../../api/queries/catalog';
import { ApiTokensSection } from '../components/api-tokens-section';

/** Tokens the product's activation server reports activations with (`POST /api/v1/activation-reports`). */
export function ProductTokens({ productCode }: { productCode: string }) {
  const tokens = useProductTokens(productCode);
  const create = useCreateProductToken(productCode);
  const revoke = useRevokeProductToken(productCode);
  return (
    <ApiTokensSection
      keys="catalogAdmin.tokens"
      tokens={tokens}
      create={create}
      revoke={revoke}
      createSchema={ProductApiTokenCreateBody}
    />
  );
}
