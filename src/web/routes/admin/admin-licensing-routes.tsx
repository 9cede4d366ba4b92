import { createRoute, lazyRouteComponent as lazy } from '@tanstack/react-router';
import { adminRoute } from './admin-routes';
import { validateArticlesSearch } from './catalog/articles-search';
import { validateRegistrySearch } from './licenses/registry-search';
import { validateProductFilesSearch } from './product-files/product-files-search';

// Seed 000 in the back office: the catalog behind serial numbers, then issuing and keeping licenses.

const codeTablesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/code-tables',
  staticData: {
    permission: 'manageCatalog',
    adminNav: { labelKey: 'catalogAdmin.nav.codeTables', icon: 'list-details', order: 40 },
  },
  component: lazy(() => import('./catalog/code-tables-page'), 'CodeTablesPage'),
});

const productsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/products',
  staticData: {
    permission: 'manageCatalog',
    adminNav: { labelKey: 'catalogAdmin.nav.products', icon: 'package', order: 50 },
  },
  component: lazy(() => import('./catalog/products-page'), 'ProductsAdminPage'),
});

const productRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/products/$productCode',
  staticData: { permission: 'manageCatalog' },
  component: lazy(() => import('./catalog/product-page'), 'ProductAdminPage'),
});

const articlesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/articles',
  validateSearch: validateArticlesSearch,
  staticData: {
    permission: 'manageCatalog',
    adminNav: { labelKey: 'catalogAdmin.nav.articles', icon: 'barcode', order: 60 },
  },
  component: lazy(() => import('./catalog/articles-page'), 'ArticlesPage'),
});

const articleCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/articles/new',
  staticData: { permission: 'manageCatalog' },
  component: lazy(() => import('./catalog/article-composer-page'), 'ArticleComposerPage'),
});

const productFilesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/product-files',
  validateSearch: validateProductFilesSearch,
  staticData: {
    permission: 'manageCatalog',
    adminNav: { labelKey: 'files.admin.title', icon: 'file-download', order: 70 },
  },
  component: lazy(() => import('./product-files/product-files-page'), 'ProductFilesPage'),
});

const licenseIssueRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses/issue',
  staticData: {
    permission: 'issueLicenses',
    adminNav: { labelKey: 'licensesAdmin.nav.issue', icon: 'certificate', order: 80 },
  },
  component: lazy(() => import('./licenses/issue-page'), 'IssuePage'),
});

const licensesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses',
  validateSearch: validateRegistrySearch,
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'licensesAdmin.nav.registry', icon: 'license', order: 90 },
  },
  component: lazy(() => import('./licenses/registry-page'), 'RegistryPage'),
});

const licenseImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses/import',
  staticData: {
    permission: 'issueLicenses',
    adminNav: { labelKey: 'licensesAdmin.nav.import', icon: 'file-import', order: 100 },
  },
  component: lazy(() => import('./licenses/import-page'), 'ImportPage'),
});

/** Children of `adminRoute`. */
export const ADMIN_LICENSING_ROUTES = [
  codeTablesRoute,
  productsRoute,
  productRoute,
  articlesRoute,
  articleCreateRoute,
  productFilesRoute,
  licenseIssueRoute,
  licensesRoute,
  licenseImportRoute,
];
