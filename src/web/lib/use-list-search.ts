import type { DataTableSortStatus } from 'mantine-datatable';
import { usePageSize } from '../components/list-table';

// The wiring every list page shares: the route's validated search is the list's state (filters, sort,
// page), so a link or the back button restores the view. Every change replaces the history entry and
// goes back to page 1, except turning the page itself.

type Order = 'asc' | 'desc';

/** What a list route keeps in its URL besides its filters: `page`, and `sort`/`order` if it sorts. */
export type ListSearch = { page?: number; sort?: string; order?: Order };

/** Defaults of a sorted list; `sortedOrder` is the order when the URL names a sort but not an order. */
export type ListDefaults<S extends ListSearch> = {
  sort?: NonNullable<S['sort']>;
  order?: Order;
  sortedOrder?: Order;
};

/** Page, sort and order the list is on, the URL's values or the defaults. */
export function listPosition<S extends ListSearch>(search: S, defaults: ListDefaults<S> = {}) {
  const order = defaults.order ?? 'asc';
  return {
    page: search.page ?? 1,
    sort: (search.sort ?? defaults.sort) as NonNullable<S['sort']>,
    order: search.order ?? (search.sort ? (defaults.sortedOrder ?? order) : order),
  };
}

/** The next search: the patch over the current one, back on page 1 unless the patch names a page. */
export function patchListSearch<S extends ListSearch>(previous: S, patch: Partial<S>): S {
  return { ...previous, page: undefined, ...patch };
}

/** The parts of a route (`getRouteApi(id)`) the hook reads: its validated search and its navigate. */
type ListRoute<S> = { useSearch: () => S; useNavigate: () => unknown };

/** The only navigation the hook makes: the same route, its search replaced in place. */
type NavigateSearch<S> = (options: { search: (previous: S) => S; replace: boolean }) => Promise<void>;

/**
 * A list page's search state and its setters. `query` goes into the list's query hook beside the
 * filters, `paging` (and `sorting`, when the table's accessors are the sort names) into `ListTable`.
 */
export function useListSearch<S extends ListSearch>(
  route: ListRoute<S>,
  defaults: ListDefaults<NoInfer<S>> = {},
) {
  const search = route.useSearch();
  // The router's navigate is typed per route (its `from`, `to` and search reducer); the hook only
  // reduces the search of the route it was given, whose type S is inferred from `useSearch`.
  const navigate = route.useNavigate() as NavigateSearch<S>;
  const [pageSize, storePageSize] = usePageSize();
  const { page, sort, order } = listPosition(search, defaults);

  /** Applies filters (and anything else in the URL); the list goes back to page 1. */
  const setFilter = (patch: Partial<S>) =>
    void navigate({ search: (previous) => patchListSearch(previous, patch), replace: true });
  const setSort = (next: S['sort'], direction: Order) =>
    setFilter({ sort: next, order: direction } as Partial<S>);

  return {
    search,
    page,
    sort,
    order,
    pageSize,
    setFilter,
    setSort,
    query: { sort, order, page, pageSize },
    paging: {
      page,
      onPageChange: (next: number) => setFilter({ page: next } as Partial<S>),
      pageSize,
      onPageSizeChange: (size: number) => {
        storePageSize(size);
        setFilter({});
      },
    },
    sorting: {
      sortStatus: { columnAccessor: sort ?? '', direction: order },
      onSortStatusChange: <T>(status: DataTableSortStatus<T>) =>
        setSort(status.columnAccessor as S['sort'], status.direction),
    },
  };
}
