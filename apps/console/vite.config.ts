import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the gateway from apps/console/dist (its only origin); `vite` (dev) forwards the
// gateway's paths to a running gateway so that cookies and CSRF work as in production.
const gateway = process.env.JIANFU_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': gateway, '/auth': gateway } },
});
