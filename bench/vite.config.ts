import { defineConfig } from 'vite';

// The benchmark page, built in production mode (Lit without its dev-mode checks), served by bench/run.mjs.
// publicDir: the MSW service worker (/mockServiceWorker.js) for the RestDataSource scenario.
export default defineConfig({
  root: 'bench',
  publicDir: '../public',
  logLevel: 'warn',
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
});
