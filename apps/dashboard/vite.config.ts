import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = fileURLToPath(new URL('.', import.meta.url));

// Served by the API at `/` under a CSP of script-src 'self': no inline script may be emitted.
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // Brotli and gzip copies beside each text asset, made once at build: the API serves whichever the browser
  // accepts, with no compression work per request (slow links are this product's normal case).
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  // `npm run dev:dashboard` serves the sources with the API (npm start, port 3000) behind the same origin.
  server: { proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` } },
  build: {
    outDir: process.env.DASHBOARD_OUT_DIR ?? `${here}../../dist/dashboard`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }] } } },
  },
});
