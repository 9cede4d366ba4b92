import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Every route, the date pickers and the tables load on demand; the eager chunk stays the app shell.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      // Not a bare '/api': the web's own modules live under /api/ (src/web/api/client.ts) in dev.
      '^/api/(v1|docs)': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
      '/metrics': apiTarget,
    },
  },
});
