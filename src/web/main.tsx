import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, onUnauthenticated } from './api/client';
import { storeMe } from './api/queries/auth';
import { initI18n } from './i18n';
import { createAppRouter, PUBLIC_PATHS } from './router';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; network trouble and 5xx get one more chance.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

const router = createAppRouter(queryClient);

onUnauthenticated(() => {
  storeMe(queryClient, null);
  const { pathname, href } = router.state.location;
  if (!PUBLIC_PATHS.includes(pathname)) void router.navigate({ to: '/login', search: { redirect: href } });
});

function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing in index.html');

void initI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
