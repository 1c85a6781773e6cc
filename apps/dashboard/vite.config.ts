import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
// The gateway the dashboard talks to. The dashboard's server forwards /graphql (with its websocket) and
// /api to it, so the browser sees one origin and the gateway needs no CORS for the dashboard.
const gateway = process.env['DASHBOARD_GATEWAY_URL'] ?? 'http://127.0.0.1:3000';
const port = Number(process.env['DASHBOARD_PORT'] ?? 4200);
const proxy = {
  '/graphql': { target: gateway, ws: true },
  '/api': { target: gateway },
};

export default defineConfig({
  root: here,
  plugins: [react()],
  // The shared money and phone libs are plain TypeScript: bundle them from source, as the services compile it.
  resolve: {
    alias: {
      '@airtime/money': fileURLToPath(new URL('../../libs/money/src/index.ts', import.meta.url)),
      '@airtime/phone': fileURLToPath(new URL('../../libs/phone/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: '../../dist/apps/dashboard', emptyOutDir: true },
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
});
