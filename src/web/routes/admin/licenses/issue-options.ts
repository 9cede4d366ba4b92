import type { Article } from '../../../../shared/api/catalog';
import type { OrganizationSummary } from '../../../../shared/api/organizations';
import { useAdminOrganizations } from '../../../api/queries/admin';
import { useArticles } from '../../../api/queries/catalog';
import type { RemoteOption } from './remote-select';

// Option loaders for «Выдача лицензий»: active organizations by name or INN, active articles by code or name.

export function organizationOption(org: OrganizationSummary): RemoteOption<OrganizationSummary> {
  return { value: org.id, label: `${org.shortName} · ИНН ${org.inn}`, item: org };
}

export function useOrganizationOptions(q: string | undefined) {
  const list = useAdminOrganizations({ q, status: 'active', sort: 'shortName', pageSize: 20 });
  return { options: (list.data?.items ?? []).map(organizationOption), loading: list.isFetching };
}

export function articleOption(article: Article): RemoteOption<Article> {
  return { value: article.id, label: `${article.code} — ${article.name}`, item: article };
}

export function useArticleOptions(q: string | undefined) {
  const list = useArticles({ q, archived: 'active', sort: 'code', pageSize: 20 });
  return { options: (list.data?.items ?? []).map(articleOption), loading: list.isFetching };
}
